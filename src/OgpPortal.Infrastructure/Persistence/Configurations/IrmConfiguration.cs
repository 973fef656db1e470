using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class IrmReportConfiguration : IEntityTypeConfiguration<IrmReport>
{
    public void Configure(EntityTypeBuilder<IrmReport> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(Limits.LongText);
        builder.Property(r => r.KeyFindings).HasMaxLength(Limits.LongText);
        builder.Property(r => r.DocumentUrl).HasMaxLength(Limits.Url);
        builder.Property(r => r.CorrectionNote).HasMaxLength(Limits.Reason);
        builder.Property(r => r.LeftOutReason).HasMaxLength(Limits.Reason);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.AuditStamps();
        builder.Ignore(r => r.IsEditable);

        builder.HasOne(r => r.ActionPlan).WithMany().HasForeignKey(r => r.ActionPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Assessments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Assessments).HasField("_assessments");
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Comments).HasField("_comments");

        // One report of each type per plan; a correction is a new revision of the same report.
        builder.HasIndex(r => new { r.ActionPlanId, r.Type }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.PublishedOn });
    }
}

public sealed class CommitmentAssessmentConfiguration : IEntityTypeConfiguration<CommitmentAssessment>
{
    public void Configure(EntityTypeBuilder<CommitmentAssessment> builder)
    {
        builder.Property(a => a.PromisingReason).HasMaxLength(AssessmentValues.TextLimit);
        builder.Property(a => a.Cluster).HasMaxLength(AssessmentValues.TextLimit);
        builder.Property(a => a.Narrative).HasMaxLength(AssessmentValues.TextLimit);
        builder.HasOne(a => a.Commitment).WithMany().HasForeignKey(a => a.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReportId, a.CommitmentId }).IsUnique();
        builder.HasIndex(a => a.CommitmentId);
    }
}

public sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> builder)
    {
        builder.Property(c => c.AuthorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Author).HasMaxLength(Limits.PersonName).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(Limits.Reason).IsRequired();
        builder.Property(c => c.Answer).HasMaxLength(Limits.Reason);
    }
}

public sealed class LegacyAssessmentConfiguration : IEntityTypeConfiguration<LegacyAssessment>
{
    public void Configure(EntityTypeBuilder<LegacyAssessment> builder)
    {
        builder.HasOne<Commitment>().WithOne().HasForeignKey<LegacyAssessment>(a => a.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CommitmentId).IsUnique();
        builder.Ignore(a => a.IsStarred);
        builder.Ignore(a => a.Recorded);
        builder.Property(a => a.Missing)
            .HasConversion(kinds => kinds.ToString(), text => NoDataKinds.Parse(text), new ValueComparer<NoDataKinds>((a, b) => Equals(a, b), k => k.GetHashCode(), k => k))
            .HasMaxLength(400);
    }
}
