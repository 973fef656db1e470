using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Irm.Home;

/// <summary>A report a plan gets: started (with its state) or still to write, and when it is due.</summary>
public sealed record ReportSlot(ReportType Type, DateOnly? Due, int? ReportId, ReportStatus? Status);

public sealed record AssignedPlan(PlanRow Plan, IReadOnlyList<ReportSlot> Reports);

/// <summary>The plans assigned to one IRM researcher, and no others, with the reports each is due.</summary>
public sealed class AssignedPlansQuery(PortalDbContext db) : IFeatureService
{
    /// <summary>The IRM's timing: a review within four months of submission, results four months after the plan ends.</summary>
    public const int MonthsToReview = 4;

    public async Task<IReadOnlyList<AssignedPlan>> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var plans = await db.ResearcherAssignments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => a.ActionPlan)
            .OrderBy(p => p.Member.Name).ThenBy(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var reports = await db.IrmReports.AsNoTracking()
            .Where(r => planIds.Contains(r.ActionPlanId))
            .Select(r => new { r.Id, r.ActionPlanId, r.Type, r.Status })
            .ToListAsync(cancellationToken);
        return plans.Select(plan => new AssignedPlan(plan, Slots(plan).Select(slot =>
            {
                var report = reports.FirstOrDefault(r => r.ActionPlanId == plan.Id && r.Type == slot.Type);
                return slot with { ReportId = report?.Id, Status = report?.Status };
            }).ToList()))
            .ToList();
    }

    /// <summary>The reports a plan gets: a review; a midterm review for four-year plans; a results report.</summary>
    public static IEnumerable<ReportSlot> Slots(PlanRow plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        yield return new ReportSlot(ReportType.ActionPlanReview, plan.SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted).AddMonths(MonthsToReview) : null, null, null);
        if (PlanPeriod.Years(plan.PeriodStart, plan.PeriodEnd) >= 4)
        {
            yield return new ReportSlot(ReportType.MidtermReview, plan.PeriodStart.AddMonths(24), null, null);
        }

        yield return new ReportSlot(ReportType.ResultsReport, plan.PeriodEnd.AddMonths(MonthsToReview), null, null);
    }
}
