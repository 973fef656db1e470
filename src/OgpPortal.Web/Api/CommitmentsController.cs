using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Web.Shared.OpenData;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Api;

[Description("A commitment of a published or closed action plan, with its milestones and the IRM's published assessments.")]
public sealed record CommitmentDetail(
    [property: Description("The commitment.")] CommitmentRecord Commitment,
    [property: Description("Its milestones, by due date.")] IReadOnlyList<MilestoneRecord> Milestones,
    [property: Description("The IRM's assessments of it in published IRM reports, oldest first.")] IReadOnlyList<AssessmentRecord> Assessments);

[Route("api/v1/commitments")]
[Tags("Commitments")]
public sealed class CommitmentsController(PublicData data, ICommitmentTextSearch textSearch) : ApiController
{
    [HttpGetOrHead("")]
    [EndpointSummary("List commitments")]
    [EndpointDescription("Commitments of published and closed action plans, by identifier, narrowed by the filters given.")]
    [ProducesResponseType<PagedList<CommitmentRecord>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> List(
        [Description("Words to find in the commitment's title, short title or text (full-text search; every word must occur, each also as a prefix).")] string? q,
        [Description("Only commitments of the member with this code (e.g. KE).")] string? member,
        [Description("Only commitments of members in this region.")] Region? region,
        [Description("Only commitments tagged with this OGP policy area or one of its sub-areas (e.g. Fiscal Openness).")] string? policyArea,
        [Description("Only commitments of plans whose implementation period includes this year.")] int? planYear,
        [Description("Only commitments of plans with this status: Published or Closed.")] ActionPlanStatus? planStatus,
        [Description("Only commitments contributing to this Open Gov Challenge area.")] ChallengeArea? challengeArea,
        [Description("Page number, from 1.")] int? page,
        [Description("Records per page, 1 to 100 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (planStatus is { } s && s is not (ActionPlanStatus.Published or ActionPlanStatus.Closed))
        {
            ModelState.AddModelError("planStatus", "planStatus must be Published or Closed: other plans are not public.");
        }

        if (q is { Length: > 200 })
        {
            ModelState.AddModelError("q", "q must be 200 characters or fewer.");
        }

        if (CheckPaging(page, pageSize) is { } bad)
        {
            return bad;
        }

        var filter = new CommitmentFilter(q, member, region, policyArea, planYear, planStatus, challengeArea);
        // Split: as one query SQLite materialised every commitment's policy areas (103,000 links at 60,000) to join a page's.
        var result = await filter.Apply(data.Commitments(), textSearch).ToPageByIdAsync(
            data.Commitments().AsSplitQuery(), c => c.OrderBy(x => x.Identifier).ThenBy(x => x.Id), PublicData.ToCommitment, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken);
        return Paged(result);
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
