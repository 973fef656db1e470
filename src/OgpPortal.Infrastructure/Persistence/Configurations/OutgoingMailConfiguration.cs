using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Email;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.Property(m => m.To).HasMaxLength(Limits.Email).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(OutgoingMail.UrlLength);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorLength);

        // The dispatcher looks for pending mail that is due; the pruning for old sent mail.
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}
