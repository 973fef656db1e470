using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Following;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    /// <summary>The join table of consultations and the draft commitments put to them.</summary>
    public const string CommitmentLinks = "ConsultationCommitments";

    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Themes).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.AuditStamps();

        // One consultation per plan; it goes with the plan.
        builder.HasOne(c => c.ActionPlan).WithOne().HasForeignKey<Consultation>(c => c.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ActionPlanId).IsUnique();
        builder.HasIndex(c => c.ClosesOn);

        // Removing a draft commitment removes its place in the consultation; the database does not cascade
        // (SQL Server refuses a second cascade path from the plan), the editor loads the links first.
        builder.HasMany(c => c.Commitments).WithMany().UsingEntity(
            CommitmentLinks,
            link => link.HasOne(typeof(Commitment)).WithMany().HasForeignKey("CommitmentId").OnDelete(DeleteBehavior.ClientCascade),
            link => link.HasOne(typeof(Consultation)).WithMany().HasForeignKey("ConsultationId").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(c => c.Commitments).HasField("_commitments");
        builder.HasMany(c => c.Consulted).WithOne().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Consulted).HasField("_consulted");
        builder.HasMany(c => c.Comments).WithOne(c => c.Consultation).HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Comments).HasField("_comments");
    }
}

/// <summary>The record of what was put to consultation (<see cref="ConsultedCommitment"/>).</summary>
public sealed class ConsultedCommitmentConfiguration : IEntityTypeConfiguration<ConsultedCommitment>
{
    public void Configure(EntityTypeBuilder<ConsultedCommitment> builder)
    {
        builder.Property(c => c.Identifier).HasMaxLength(Limits.CommitmentIdentifier).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Limits.CommitmentTitle).IsRequired();
        builder.Property(c => c.Problem).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.Description).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.Solution).HasMaxLength(Limits.CommitmentText);
        builder.Property(c => c.LeadInstitution).HasMaxLength(Limits.Institution).IsRequired();
        builder.Property(c => c.SupportingInstitutions).HasMaxLength(Limits.SupportingInstitutions);

        // The record outlives a draft removed after the consultation closed: the link is cleared, not cascaded (SQL
        // Server refuses a second cascade path from the plan); the editor loads the records of the draft it removes.
        builder.HasOne(c => c.Commitment).WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasIndex(c => new { c.ConsultationId, c.Position });
        builder.HasMany(c => c.Milestones).WithOne().HasForeignKey("ConsultedCommitmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Milestones).HasField("_milestones");
    }
}

public sealed class ConsultedMilestoneConfiguration : IEntityTypeConfiguration<ConsultedMilestone>
{
    public void Configure(EntityTypeBuilder<ConsultedMilestone> builder)
    {
        builder.ToTable("ConsultedMilestones");
        builder.Property(m => m.Title).HasMaxLength(Limits.MilestoneTitle).IsRequired();
    }
}

public sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(ConsultationComment.MaxTextLength).IsRequired();
        builder.Property(c => c.AuthorName).HasMaxLength(Limits.PersonName);
        builder.Property(c => c.Organisation).HasMaxLength(Limits.Institution);
        builder.Property(c => c.Email).HasMaxLength(Limits.Email);
        builder.Property(c => c.Response).HasMaxLength(ConsultationComment.MaxResponseLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RejectionReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ResponseOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.AuditStamps();
        builder.Ignore(c => c.IsAnswered);

        // A commitment removed from the draft leaves its comments on the plan: the editor loads and detaches
        // them (no database cascade, which SQL Server refuses on two paths to the same table).
        builder.HasOne(c => c.Commitment).WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(c => c.LedToCommitment).WithMany().HasForeignKey(c => c.LedToCommitmentId).OnDelete(DeleteBehavior.ClientSetNull);

        // Public pages and moderation queues read a consultation's comments by status.
        builder.HasIndex(c => new { c.ConsultationId, c.Status });
    }
}

public sealed class FollowerConfiguration : IEntityTypeConfiguration<Follower>
{
    public void Configure(EntityTypeBuilder<Follower> builder)
    {
        builder.Property(f => f.Email).HasMaxLength(Limits.Email).IsRequired();
        builder.Property(f => f.Token).HasMaxLength(Follower.TokenLength).IsRequired();
        builder.Property(f => f.Language).HasMaxLength(Follower.LanguageLength);
        builder.Ignore(f => f.IsConfirmed);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasIndex(f => f.MemberId);
        builder.HasIndex(f => f.ActionPlanId);
        builder.HasIndex(f => f.Email);
        builder.HasOne<Domain.Members.Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(f => f.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
