using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Api;

/// <summary>The filters of <c>GET /api/v1/commitments</c>, applied to public commitments before they are projected.</summary>
public sealed record CommitmentFilter(string? Q, string? Member, Region? Region, string? PolicyArea, int? PlanYear, ActionPlanStatus? PlanStatus, ChallengeArea? ChallengeArea)
{
    public IQueryable<Commitment> Apply(IQueryable<Commitment> commitments)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            commitments = CommitmentTextSearch.Matching(commitments, Q);
        }

        if (!string.IsNullOrWhiteSpace(Member))
        {
            var code = Member.Trim().ToUpperInvariant();
            commitments = commitments.Where(c => c.ActionPlan.Member.Code == code);
        }

        if (Region is { } region)
        {
            commitments = commitments.Where(c => c.ActionPlan.Member.Region == region);
        }

        if (!string.IsNullOrWhiteSpace(PolicyArea))
        {
            // A top-level area ("Fiscal Openness") also finds commitments tagged with one of its sub-areas ("Tax").
            var area = PolicyArea.Trim();
            commitments = commitments.Where(c => c.PolicyAreas.Any(a => a.Name == area || (a.Parent != null && a.Parent.Name == area)));
        }

        if (PlanYear is { } year)
        {
            var y = Math.Clamp(year, 1, 9999);
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            commitments = commitments.Where(c => c.ActionPlan.PeriodStart <= last && c.ActionPlan.PeriodEnd >= first);
        }

        if (PlanStatus is { } status)
        {
            commitments = commitments.Where(c => c.ActionPlan.Status == status);
        }

        if (ChallengeArea is { } challengeArea)
        {
            commitments = commitments.Where(c => c.ChallengeArea == challengeArea);
        }

        return commitments;
    }
}

/// <summary>
/// The API's text filter <c>q</c>: a plain LIKE over the title, for now. Kept alone in this class so a
/// full-text search service can replace it without touching the rest of the API.
/// </summary>
public static class CommitmentTextSearch
{
    public static IQueryable<Commitment> Matching(IQueryable<Commitment> commitments, string text)
    {
        var pattern = Like.Containing(text);
        return commitments.Where(c => EF.Functions.Like(c.Title, pattern, Like.EscapeCharacter));
    }
}
