using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Limits.MemberName).IsRequired();
        builder.Property(m => m.Code).HasMaxLength(Limits.MemberCode).IsRequired();
        builder.Property(m => m.Country).HasMaxLength(Limits.Country);
        builder.Property(m => m.Website).HasMaxLength(Limits.Url);
        builder.AuditStamps();

        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.Name);
        builder.HasIndex(m => new { m.Kind, m.Region });
    }
}
