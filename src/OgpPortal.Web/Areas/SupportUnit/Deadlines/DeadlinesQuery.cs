using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Members;

namespace OgpPortal.Web.Areas.SupportUnit.Deadlines;

/// <summary>A member in its current cycle (<see cref="PlanCycle"/>), with the plan it is working on, if any.</summary>
public sealed record DeadlineRow(
    int MemberId,
    string Code,
    string Name,
    Cohort Cohort,
    MemberStatus Status,
    PlanCycle Cycle,
    PendingPlan? Pending)
{
    public DateOnly Deadline => Cycle.Deadline;
}

/// <summary>A plan whose implementation, counted from its publication (or from today if not yet published), is under 20 months.</summary>
public sealed record ShortPlanRow(int PlanId, string MemberName, int Number, ActionPlanStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd, int ImplementationMonths);

public sealed record DeadlinesViewModel(
    DateOnly Today,
    IReadOnlyList<DeadlineRow> MissedLastCycle,
    IReadOnlyList<DeadlineRow> Late,
    IReadOnlyList<DeadlineRow> Due,
    IReadOnlyList<ShortPlanRow> ShortImplementation,
    IReadOnlyList<(int Id, string Name)> WithoutCohort);

/// <summary>
/// Deadlines and compliance, computed from the registry and the plans with OGP's rules in
/// <see cref="PlanDeadlines"/>: members that are active or under procedural review and not archived.
/// </summary>
public sealed class DeadlinesQuery(PortalDbContext db, TimeProvider clock) : IFeatureService
{
    /// <summary>How far ahead the "due" list looks.</summary>
    public const int DueWithinMonths = 12;

    /// <summary>Every member OGP counts deadlines for, in its cycle on <paramref name="today"/>, soonest deadline first.</summary>
    public async Task<List<DeadlineRow>> CyclesAsync(DateOnly today, CancellationToken cancellationToken) =>
        Rows(await MembersAsync(cancellationToken), today);

    private Task<List<MemberCycle>> MembersAsync(CancellationToken cancellationToken) =>
        db.Members.AsNoTracking()
            .Where(m => m.ArchivedAt == null && (m.Status == MemberStatus.Active || m.Status == MemberStatus.UnderProceduralReview))
            .OrderBy(m => m.Name)
            .Select(MemberCycle.Projection)
            .ToListAsync(cancellationToken);

    private static List<DeadlineRow> Rows(List<MemberCycle> members, DateOnly today) =>
        members
            .Select(m => (Member: m, Cycle: m.CycleOn(today)))
            .Where(m => m.Cycle is not null)
            .Select(m => new DeadlineRow(m.Member.Id, m.Member.Code, m.Member.Name, m.Member.Cohort!.Value, m.Member.Status, m.Cycle!, m.Member.Pending))
            .OrderBy(r => r.Deadline).ThenBy(r => r.Name)
            .ToList();

    public async Task<DeadlinesViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = await MembersAsync(cancellationToken);
        var rows = Rows(members, today);

        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Status != ActionPlanStatus.Closed && p.PeriodEnd >= today && p.Member.ArchivedAt == null)
            .Select(p => new { p.Id, p.Member.Name, p.Number, p.Status, p.PeriodStart, p.PeriodEnd, p.PublishedAt })
            .ToListAsync(cancellationToken);
        var shortPlans = plans
            .Select(p =>
            {
                // An unpublished plan can start its implementation today at the earliest.
                var from = p.PublishedAt is { } published ? DateOnly.FromDateTime(published) : today;
                return new ShortPlanRow(p.Id, p.Name, p.Number, p.Status, p.PeriodStart, p.PeriodEnd, PlanDeadlines.ImplementationMonths(p.PeriodStart, p.PeriodEnd, from));
            })
            .Where(p => p.ImplementationMonths < PlanPeriod.MinimumImplementationMonths)
            .OrderBy(p => p.ImplementationMonths).ThenBy(p => p.MemberName)
            .ToList();

        var horizon = today.AddMonths(DueWithinMonths);
        return new DeadlinesViewModel(
            today,
            rows.Where(r => r.Cycle.MissedDeadline is not null).ToList(),
            rows.Where(r => r.Cycle.Standing == DeadlineStanding.Late).ToList(),
            rows.Where(r => r.Cycle.Standing == DeadlineStanding.Due && r.Deadline <= horizon).ToList(),
            shortPlans,
            members.Where(m => m.Cohort is null).Select(m => (m.Id, m.Name)).ToList());
    }
}
