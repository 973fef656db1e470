using System.Linq.Expressions;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>One action plan as a line in a list; projected straight from the database.</summary>
public sealed record PlanRow(
    int Id,
    int MemberId,
    string MemberName,
    string MemberCode,
    int Number,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActionPlanStatus Status,
    DateTime? SubmittedAt,
    DateTime? PublishedAt,
    int CommitmentCount)
{
    public static readonly Expression<Func<ActionPlan, PlanRow>> Projection = p => new PlanRow(
        p.Id,
        p.MemberId,
        p.Member.Name,
        p.Member.Code,
        p.Number,
        p.Title,
        p.PeriodStart,
        p.PeriodEnd,
        p.Status,
        p.SubmittedAt,
        p.PublishedAt,
        p.Commitments.Count);
}

public static class PlanQueries
{
    /// <summary>What the public may see: published and closed plans. Usable inside projections too.</summary>
    public static readonly Expression<Func<ActionPlan, bool>> IsPublic =
        p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed;

    /// <summary>Only what the public may see: published and closed plans.</summary>
    public static IQueryable<ActionPlan> WherePublic(this IQueryable<ActionPlan> plans) => plans.Where(IsPublic);

    /// <summary>Only commitments of published and closed plans.</summary>
    public static IQueryable<Commitment> WherePublic(this IQueryable<Commitment> commitments) =>
        commitments.Where(c => c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed);
}
