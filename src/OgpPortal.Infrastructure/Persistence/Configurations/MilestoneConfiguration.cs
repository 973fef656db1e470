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
        builder.HasMany(m => m.EvidenceFiles).WithOne(f => f.Milestone).HasForeignKey(f => f.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.EvidenceFiles).HasField("_evidenceFiles");
    }
}

/// <summary>
/// A file's description and its bytes are two tables: pages list files without reading them, and removing a
/// file (its description) removes its bytes by the database's cascade, without loading them.
/// </summary>
public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(EvidenceFile.MaxFileName).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.AuditStamps();
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<EvidenceFileContent>(c => c.EvidenceFileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Content).IsRequired();
    }
}

public sealed class EvidenceFileContentConfiguration : IEntityTypeConfiguration<EvidenceFileContent>
{
    public void Configure(EntityTypeBuilder<EvidenceFileContent> builder)
    {
        builder.HasKey(c => c.EvidenceFileId);
        builder.Property(c => c.Bytes).IsRequired();
    }
}
