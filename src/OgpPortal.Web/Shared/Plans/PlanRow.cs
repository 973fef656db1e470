using System.Linq.Expressions;
using OgpPortal.Domain.ActionPlans;

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
    /// <summary>Only what the public may see: published and closed plans.</summary>
    public static IQueryable<ActionPlan> WherePublic(this IQueryable<ActionPlan> plans) =>
        plans.Where(p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed);
}
