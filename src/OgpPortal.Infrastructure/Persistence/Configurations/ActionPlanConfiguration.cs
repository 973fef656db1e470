using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Limits.PlanTitle).IsRequired();
        builder.Property(p => p.CoCreationSummary).HasMaxLength(Limits.LongText);
        builder.Property(p => p.TextLanguage).HasMaxLength(8);
        builder.Property(p => p.OgpId).HasMaxLength(Limits.OgpPlanId);
        builder.Property(p => p.ReturnReason).HasMaxLength(Limits.Reason);
        builder.Property(p => p.ForumName).HasMaxLength(Limits.ForumName);
        builder.Property(p => p.RepositoryUrl).HasMaxLength(Limits.Url);
        builder.Property(p => p.ConsultationUrl).HasMaxLength(Limits.Url);
        builder.Property(p => p.ReasonedResponseUrl).HasMaxLength(Limits.Url);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.AuditStamps();

        builder.HasOne(p => p.Member).WithMany(m => m.ActionPlans).HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Commitments).WithOne(c => c.ActionPlan).HasForeignKey(c => c.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Commitments).HasField("_commitments");
        builder.HasMany(p => p.ForumMeetings).WithOne().HasForeignKey(m => m.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.ForumMeetings).HasField("_forumMeetings");
        builder.Ignore(p => p.IsTextEditable);
        builder.Ignore(p => p.IsPublic);
        builder.Ignore(p => p.DurationYears);
        builder.Ignore(p => p.PeriodFromYears);

        builder.HasIndex(p => new { p.MemberId, p.Number }).IsUnique();
        builder.HasIndex(p => p.OgpId).IsUnique();
        builder.HasIndex(p => p.Status);
        builder.HasIndex(p => p.PeriodStart);
    }
}

public sealed class ForumMeetingConfiguration : IEntityTypeConfiguration<ForumMeeting>
{
    public void Configure(EntityTypeBuilder<ForumMeeting> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(Limits.MeetingNote);
        builder.HasIndex(m => new { m.ActionPlanId, m.HeldOn }).IsUnique();
    }
}
