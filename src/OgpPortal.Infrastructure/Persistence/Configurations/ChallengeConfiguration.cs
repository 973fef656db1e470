using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class ChallengeEntryConfiguration : IEntityTypeConfiguration<ChallengeEntry>
{
    public void Configure(EntityTypeBuilder<ChallengeEntry> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Limits.CommitmentTitle).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(Limits.LongText);
        builder.Property(e => e.LocalityName).HasMaxLength(Limits.MemberName);
        builder.Property(e => e.LeadInstitution).HasMaxLength(Limits.Institution).IsRequired();
        builder.Property(e => e.ReturnReason).HasMaxLength(Limits.Reason);
        builder.Property(e => e.PromisingReason).HasMaxLength(Limits.Reason);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.AuditStamps();
        builder.Ignore(e => e.IsEditable);

        builder.HasOne(e => e.Member).WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Commitment).WithMany().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Milestones).WithOne().HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Milestones).HasField("_milestones");

        // The public database filters by status first, then area and promising.
        builder.HasIndex(e => new { e.Status, e.Area, e.Promising });
        builder.HasIndex(e => e.MemberId);
    }
}

public sealed class ChallengeMilestoneConfiguration : IEntityTypeConfiguration<ChallengeMilestone>
{
    public void Configure(EntityTypeBuilder<ChallengeMilestone> builder) =>
        builder.Property(m => m.Title).HasMaxLength(Limits.MilestoneTitle).IsRequired();
}

public sealed class ChallengeTargetConfiguration : IEntityTypeConfiguration<ChallengeTarget>
{
    public void Configure(EntityTypeBuilder<ChallengeTarget> builder)
    {
        builder.AuditStamps();
        builder.HasIndex(t => new { t.Area, t.Year }).IsUnique();
    }
}
