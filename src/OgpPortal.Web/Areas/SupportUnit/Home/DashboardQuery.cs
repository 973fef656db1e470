using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.SupportUnit.Home;

public sealed record DashboardViewModel(
    IReadOnlyDictionary<MemberKind, int> MembersByKind,
    IReadOnlyDictionary<ActionPlanStatus, int> PlansByStatus,
    IReadOnlyList<PlanRow> AwaitingReview,
    IReadOnlyList<PlanRow> ReadyToClose,
    IReadOnlyList<(int Id, string Name)> ReportsForComment);

/// <summary>The Support Unit's landing page: the registry in numbers and the plans waiting for review.</summary>
public sealed class DashboardQuery(PortalDbContext db, TimeProvider clock) : IFeatureService
{
    public const int ReviewListSize = 20;

    public async Task<DashboardViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .GroupBy(m => m.Kind)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var awaiting = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Status == ActionPlanStatus.Submitted)
            .OrderBy(p => p.SubmittedAt)
            .Take(ReviewListSize)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var toClose = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Status == ActionPlanStatus.Published && p.PeriodEnd <= today)
            .OrderBy(p => p.PeriodEnd)
            .Take(ReviewListSize)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        var forComment = await db.IrmReports.AsNoTracking()
            .Where(r => r.Status == Domain.Irm.ReportStatus.PrePublication)
            .OrderBy(r => r.ActionPlan.Member.Name)
            .Take(ReviewListSize)
            .Select(r => new { r.Id, r.Type, r.ActionPlan.Member.Name, r.ActionPlan.Number })
            .ToListAsync(cancellationToken);
        return new DashboardViewModel(members, plans, awaiting, toClose, forComment.Select(r => (r.Id, $"{Domain.Common.EnumDisplay.Name(r.Type)}: {r.Name}, action plan {r.Number}")).ToList());
    }
}
