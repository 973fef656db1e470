using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared.OpenData;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Api;

[Description("A commitment of a published or closed action plan, with its milestones and the IRM's published assessments.")]
public sealed record CommitmentDetail(
    [property: Description("The commitment.")] CommitmentRecord Commitment,
    [property: Description("Its milestones, by due date.")] IReadOnlyList<MilestoneRecord> Milestones,
    [property: Description("The IRM's assessments of it in published IRM reports, oldest first.")] IReadOnlyList<AssessmentRecord> Assessments);

[Route("api/v1/commitments")]
[Tags("Commitments")]
public sealed class CommitmentsController(PublicData data, CommitmentSearch search, CommitmentIndex index) : ApiController
{
    [HttpGetOrHead("")]
    [EndpointSummary("List commitments")]
    [EndpointDescription("Commitments of published and closed action plans, by identifier, narrowed by the filters given: the same criteria and meanings as the search at /commitments. A filter may be given several times (region=Europe&region=Americas): any of its values. Different filters must all hold.")]
    [ProducesResponseType<PagedList<CommitmentRecord>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> List(
        [Description("Words to find in the commitment's title, short title or text (every word must occur, each also as a prefix; case and accents do not matter). At most 200 characters.")] string? q,
        [Description("Only commitments of the members with these codes (e.g. KE).")][FromQuery] string[]? member,
        [Description("Only commitments of members in these regions.")][FromQuery] Region[]? region,
        [Description("Only commitments of these kinds of member (National, Local).")][FromQuery] MemberKind[]? kind,
        [Description("Only commitments tagged with these OGP policy areas, by name or id, or with one of their sub-areas (e.g. Fiscal Openness).")][FromQuery] string[]? policyArea,
        [Description("Only commitments of plans whose implementation period includes one of these years.")][FromQuery] int[]? planYear,
        [Description("Only commitments of plans with these statuses: Published or Closed.")][FromQuery] ActionPlanStatus[]? planStatus,
        [Description("Only commitments contributing to these Open Gov Challenge areas.")][FromQuery] ChallengeArea[]? challengeArea,
        [Description("Only commitments with this completion in the IRM's published Results Report.")][FromQuery] Completion[]? completion,
        [Description("Only commitments with this potential for results in the IRM's published Action Plan Review.")][FromQuery] PotentialForResults[]? potential,
        [Description("Only commitments the IRM's published Action Plan Review flags as promising.")] bool? promising,
        [Description("Only commitments starred by the IRM's legacy rule.")] bool? starred,
        [Description("Page number, from 1.")] int? page,
        [Description("Records per page, 1 to 100 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (planStatus?.Any(s => s is not (ActionPlanStatus.Published or ActionPlanStatus.Closed)) == true)
        {
            ModelState.AddModelError("planStatus", "planStatus must be Published or Closed: other plans are not public.");
        }

        var policies = new List<int>();
        if (policyArea is not null)
        {
            var snapshot = await index.CurrentAsync(cancellationToken);
            foreach (var area in policyArea.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
            {
                if (snapshot.PolicyAreaId(area) is { } id)
                {
                    policies.Add(id);
                }
                else
                {
                    ModelState.AddModelError("policyArea", $"“{area}” is not an OGP policy area (see the taxonomy in docs/api.md).");
                }
            }
        }

        var criteria = new CommitmentSearchCriteria
        {
            Q = q,
            Members = member ?? [],
            Regions = region ?? [],
            Kinds = kind ?? [],
            Policies = policies,
            Years = planYear ?? [],
            PlanStatuses = planStatus ?? [],
            Challenges = challengeArea ?? [],
            Completions = completion ?? [],
            Potentials = potential ?? [],
            Promising = promising == true,
            Starred = starred == true,
            Sort = CommitmentSort.Identifier,
            Page = page ?? 1,
            PageSize = pageSize ?? DefaultPageSize,
            WithFacets = false,
        };
        if (criteria.Problem is { } problem)
        {
            ModelState.AddModelError("q", problem);
        }

        if (CheckPaging(page, pageSize) is { } bad)
        {
            return bad;
        }

        var matches = await search.MatchAsync(criteria, all: false, cancellationToken);
        var records = await data.CommitmentRecordsAsync(matches.Ids, cancellationToken);
        return Paged(new Page<CommitmentRecord>(records, criteria.Page, criteria.PageSize, matches.TotalCount));
    }

    [HttpGetOrHead("{id}")]
    [EndpointSummary("Get a commitment")]
    [EndpointDescription("One commitment with its milestones and the IRM's assessments from published reports; 404 when its plan is not public.")]
    [ProducesResponseType<CommitmentDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get([Description("The commitment's id.")] int id, CancellationToken cancellationToken)
    {
        var commitment = await data.Commitments().Where(c => c.Id == id).Select(PublicData.ToCommitment).SingleOrDefaultAsync(cancellationToken);
        if (commitment is null)
        {
            return NotPublic("commitment", id);
        }

        var milestones = await data.Milestones().Where(m => m.CommitmentId == id).OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(PublicData.ToMilestone).ToListAsync(cancellationToken);
        var assessments = await data.AssessmentRecords(a => a.CommitmentId == id).ToListAsync(cancellationToken);
        return new ApiJsonResult(new CommitmentDetail(commitment, milestones, assessments));
    }
}
