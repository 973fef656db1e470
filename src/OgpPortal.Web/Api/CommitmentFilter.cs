using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Search;

namespace OgpPortal.Web.Api;

/// <summary>The filters of <c>GET /api/v1/commitments</c>, applied to public commitments before they are projected.</summary>
public sealed record CommitmentFilter(string? Q, string? Member, Region? Region, string? PolicyArea, int? PlanYear, ActionPlanStatus? PlanStatus, ChallengeArea? ChallengeArea)
{
    /// <summary>Narrows <paramref name="commitments"/>; words in <see cref="Q"/> go to the database's full-text index, as on <c>/commitments</c> (ADR 0007).</summary>
    public IQueryable<Commitment> Apply(IQueryable<Commitment> commitments, ICommitmentTextSearch textSearch)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(textSearch);
        var terms = SearchTerms.Parse(Q);
        if (!terms.IsEmpty)
        {
            var ids = textSearch.Match(terms).Select(m => m.Id);
            commitments = commitments.Where(c => ids.Contains(c.Id));
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
