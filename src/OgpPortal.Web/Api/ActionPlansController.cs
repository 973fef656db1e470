using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.Web.Api;

[Description("A published or closed action plan with its commitments.")]
public sealed record ActionPlanDetail(
    [property: Description("The action plan.")] ActionPlanRecord ActionPlan,
    [property: Description("Its commitments, in the plan's order.")] IReadOnlyList<CommitmentRecord> Commitments);

[Route("api/v1/action-plans")]
[Tags("Action plans")]
public sealed class ActionPlansController(PublicData data) : ApiController
{
    [HttpGetOrHead("")]
    [EndpointSummary("List action plans")]
    [EndpointDescription("Published and closed action plans, by member and number. Drafts and plans under review are never listed.")]
    [ProducesResponseType<PagedList<ActionPlanRecord>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> List(
        [Description("Only plans of the member with this code (e.g. KE).")] string? member,
        [Description("Published or Closed.")] ActionPlanStatus? status,
        [Description("Only plans whose implementation period includes this year.")] int? year,
        [Description("Page number, from 1.")] int? page,
        [Description("Records per page, 1 to 100 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (status is { } s && s is not (ActionPlanStatus.Published or ActionPlanStatus.Closed))
        {
            ModelState.AddModelError("status", "status must be Published or Closed: other plans are not public.");
        }

        if (CheckPaging(page, pageSize) is { } bad)
        {
            return bad;
        }

        var plans = data.ActionPlans();
        if (!string.IsNullOrWhiteSpace(member))
        {
            var code = member.Trim().ToUpperInvariant();
            plans = plans.Where(p => p.Member.Code == code);
        }

        if (status is { } wanted)
        {
            plans = plans.Where(p => p.Status == wanted);
        }

        if (year is { } y)
        {
            var (first, last) = (new DateOnly(Math.Clamp(y, 1, 9999), 1, 1), new DateOnly(Math.Clamp(y, 1, 9999), 12, 31));
            plans = plans.Where(p => p.PeriodStart <= last && p.PeriodEnd >= first);
        }

        return await PagedAsync(plans.OrderBy(p => p.Member.Name).ThenBy(p => p.Number).ThenBy(p => p.Id).Select(PublicData.ToActionPlan), page, pageSize, cancellationToken);
    }

    [HttpGetOrHead("{id}")]
    [EndpointSummary("Get an action plan")]
    [EndpointDescription("One published or closed action plan with its commitments; 404 for a plan that is not public.")]
    [ProducesResponseType<ActionPlanDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get([Description("The action plan's id.")] int id, CancellationToken cancellationToken)
    {
        var plan = await data.ActionPlans().Where(p => p.Id == id).Select(PublicData.ToActionPlan).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return NotPublic("action plan", id);
        }

        var commitments = await data.Commitments().Where(c => c.ActionPlanId == id).OrderBy(c => c.Position).Select(PublicData.ToCommitment).ToListAsync(cancellationToken);
        return new ApiJsonResult(new ActionPlanDetail(plan, commitments));
    }
}
