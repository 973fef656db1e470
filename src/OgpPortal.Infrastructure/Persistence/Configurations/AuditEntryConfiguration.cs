using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.SubjectType).HasMaxLength(30).IsRequired();
        builder.Property(a => a.SubjectKey).HasMaxLength(Limits.Email).IsRequired();
        builder.Property(a => a.MemberCode).HasMaxLength(Limits.MemberCode);
        builder.Property(a => a.EntityType).HasMaxLength(30).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.UserName).HasMaxLength(Limits.Email).IsRequired();
        builder.HasIndex(a => new { a.SubjectType, a.SubjectKey, a.At });
        builder.HasIndex(a => new { a.MemberCode, a.At });
        builder.HasIndex(a => new { a.UserName, a.At });
        builder.HasIndex(a => a.At);
    }
}
