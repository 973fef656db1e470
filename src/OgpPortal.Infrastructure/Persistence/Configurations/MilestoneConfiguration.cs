using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Limits.MilestoneTitle).IsRequired();
        builder.Property(m => m.EvidenceUrl).HasMaxLength(Limits.Url);
        builder.Property(m => m.Weight).HasDefaultValue(1);
        builder.AuditStamps();
        builder.HasIndex(m => new { m.CommitmentId, m.DueDate });
    }
}
