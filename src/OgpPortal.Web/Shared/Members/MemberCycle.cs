using System.Linq.Expressions;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.Members;

/// <summary>
/// What a member's next deadline is computed from: its cohort, when it joined, the end of its latest
/// published plan; and the plan it is working on now, if any. Projected in one query.
/// </summary>
public sealed record MemberCycle(
    int Id,
    string Code,
    string Name,
    Cohort? Cohort,
    MemberStatus Status,
    int JoinedYear,
    DateOnly? JoinedOn,
    DateOnly? LatestPublishedEnd,
    PendingPlan? Pending)
{
    public static readonly Expression<Func<Member, MemberCycle>> Projection = m => new MemberCycle(
        m.Id,
        m.Code,
        m.Name,
        m.Cohort,
        m.Status,
        m.JoinedYear,
        m.JoinedOn,
        m.ActionPlans.Where(p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed).Max(p => (DateOnly?)p.PeriodEnd),
        m.ActionPlans.Where(p => p.Status == ActionPlanStatus.Draft || p.Status == ActionPlanStatus.InConsultation || p.Status == ActionPlanStatus.Submitted)
            .OrderByDescending(p => p.Number).Select(p => new PendingPlan(p.Id, p.Number, p.Status)).FirstOrDefault());

    /// <summary>The deadline of the member's next plan as its record stands; null while its cohort is not recorded.</summary>
    public DateOnly? NextDeadline => Cohort is { } cohort ? PlanDeadlines.NextDeadline(cohort, JoinedYear, JoinedOn, LatestPublishedEnd) : null;

    /// <summary>The cycle open on <paramref name="today"/> (<see cref="PlanDeadlines.Cycle"/>); null while the cohort is not recorded.</summary>
    public PlanCycle? CycleOn(DateOnly today) => NextDeadline is { } next ? PlanDeadlines.Cycle(next, today) : null;
}

/// <summary>The plan a member is working on: the highest-numbered one not yet published.</summary>
public sealed record PendingPlan(int Id, int Number, ActionPlanStatus Status);
