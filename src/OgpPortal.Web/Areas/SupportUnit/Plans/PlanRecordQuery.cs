using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.SupportUnit.Plans;

public sealed record MeetingRow(int Id, DateOnly HeldOn, string? Note);

public sealed record ResearcherRow(string UserId, string DisplayName, DateTime AssignedAt);

public sealed record PlanReportRow(int Id, Domain.Irm.ReportType Type, Domain.Irm.ReportStatus Status, DateOnly? PublishedOn);

public sealed record PlanRecordViewModel(
    PlanRow Plan,
    string PlanKey,
    Guid Version,
    IReadOnlyList<StandardCheck> Checklist,
    IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<ResearcherRow> Researchers,
    IReadOnlyList<PlanReportRow> Reports,
    int ImplementationMonths)
{
    public CoCreationForm CoCreation { get; init; } = new();

    public MeetingForm Meeting { get; init; } = new();
}

/// <summary>One plan as the Support Unit keeps it: its co-creation checklist, forum meetings and researchers.</summary>
public sealed class PlanRecordQuery(PortalDbContext db, CoCreationChecklist checklist, TimeProvider clock) : IFeatureService
{
    public async Task<PlanRecordViewModel?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == id).Select(PlanRow.Projection).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var record = await db.ActionPlans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.ForumName, p.RepositoryUrl, p.ConsultationUrl, p.ReasonedResponseUrl, p.Version })
            .SingleAsync(cancellationToken);
        var meetings = await db.ForumMeetings.AsNoTracking().Where(m => m.ActionPlanId == id).OrderBy(m => m.HeldOn)
            .Select(m => new MeetingRow(m.Id, m.HeldOn, m.Note)).ToListAsync(cancellationToken);
        var researchers = await (
                from a in db.ResearcherAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                where a.ActionPlanId == id
                orderby u.DisplayName
                select new ResearcherRow(u.Id, u.DisplayName, a.AssignedAt))
            .ToListAsync(cancellationToken);
        var reports = await db.IrmReports.AsNoTracking().Where(r => r.ActionPlanId == id).OrderBy(r => r.Type)
            .Select(r => new PlanReportRow(r.Id, r.Type, r.Status, r.PublishedOn)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = plan.PublishedAt is { } published ? DateOnly.FromDateTime(published) : today;
        return new PlanRecordViewModel(
            plan,
            AuditInterceptor.PlanKey(plan.MemberCode, plan.Number, plan.MemberId),
            record.Version,
            await checklist.ForPlanAsync(id, cancellationToken) ?? [],
            meetings,
            researchers,
            reports,
            PlanDeadlines.ImplementationMonths(plan.PeriodStart, plan.PeriodEnd, from))
        {
            CoCreation = new CoCreationForm { ForumName = record.ForumName, RepositoryUrl = record.RepositoryUrl, ConsultationUrl = record.ConsultationUrl, ReasonedResponseUrl = record.ReasonedResponseUrl, Version = record.Version },
        };
    }
}
