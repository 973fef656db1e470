using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.SupportUnit.Deadlines;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.SupportUnit.Home;

public sealed record DashboardViewModel(
    IReadOnlyDictionary<MemberKind, int> MembersByKind,
    IReadOnlyDictionary<ActionPlanStatus, int> PlansByStatus,
    IReadOnlyList<PlanRow> AwaitingReview,
    IReadOnlyList<PlanRow> ReadyToClose,
    IReadOnlyList<(int Id, string Name)> ReportsForComment)
{
    /// <summary>Open Gov Challenge entries submitted and waiting for the Support Unit's decision, oldest first.</summary>
    public IReadOnlyList<ChallengeToReview> ChallengeToReview { get; init; } = [];

    /// <summary>Consultations with comments from the public waiting for moderation, most waiting first.</summary>
    public IReadOnlyList<CommentsToModerate> CommentsToModerate { get; init; } = [];

    /// <summary>Members whose plan is late in this cycle (<see cref="DeadlineStanding.Late"/>).</summary>
    public int LateMembers { get; init; }

    /// <summary>Members whose previous cycle was counted contrary to process.</summary>
    public int MissedLastCycle { get; init; }
}

public sealed record ChallengeToReview(int Id, string Title, string MemberName, DateTime? SubmittedAt);

public sealed record CommentsToModerate(int PlanId, string MemberName, int PlanNumber, int Held, DateTime? OldestHeld);

/// <summary>
/// The Support Unit's landing page: what waits for the Support Unit (plans to review or close, Challenge entries to
/// decide, the public's comments to moderate, IRM reports open for comment, members late with their plan) and the
/// registry in numbers.
/// </summary>
public sealed class DashboardQuery(PortalDbContext db, DeadlinesQuery deadlines, TimeProvider clock) : IFeatureService
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
        var challenge = await db.ChallengeEntries.AsNoTracking()
            .Where(e => e.Status == ChallengeEntryStatus.Submitted)
            .OrderBy(e => e.SubmittedAt)
            .Take(ReviewListSize)
            .Select(e => new ChallengeToReview(e.Id, e.Title, e.Member.Name, e.SubmittedAt))
            .ToListAsync(cancellationToken);
        var moderation = await db.Consultations.AsNoTracking()
            .Where(c => c.Comments.Any(x => x.Status == CommentStatus.Held))
            .OrderByDescending(c => c.Comments.Count(x => x.Status == CommentStatus.Held))
            .Take(ReviewListSize)
            .Select(c => new CommentsToModerate(
                c.ActionPlanId,
                c.ActionPlan.Member.Name,
                c.ActionPlan.Number,
                c.Comments.Count(x => x.Status == CommentStatus.Held),
                c.Comments.Where(x => x.Status == CommentStatus.Held).Min(x => (DateTime?)x.ReceivedAt)))
            .ToListAsync(cancellationToken);
        var cycles = await deadlines.CyclesAsync(today, cancellationToken);
        return new DashboardViewModel(members, plans, awaiting, toClose, forComment.Select(r => (r.Id, $"{Domain.Common.EnumDisplay.Name(r.Type)}: {r.Name}, action plan {r.Number}")).ToList())
        {
            ChallengeToReview = challenge,
            CommentsToModerate = moderation,
            LateMembers = cycles.Count(c => c.Cycle.Standing == DeadlineStanding.Late),
            MissedLastCycle = cycles.Count(c => c.Cycle.MissedDeadline is not null),
        };
    }
}
