using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.Web.Api;

[Description("A member with its published and closed action plans.")]
public sealed record MemberDetail(
    [property: Description("The member.")] MemberRecord Member,
    [property: Description("Its published and closed action plans, oldest first.")] IReadOnlyList<ActionPlanRecord> ActionPlans);

[Route("api/v1/members")]
[Tags("Members")]
public sealed class MembersController(PublicData data) : ApiController
{
    [HttpGetOrHead("")]
    [EndpointSummary("List members")]
    [EndpointDescription("Every OGP member in the registry (national and local), by name, one page at a time.")]
    [ProducesResponseType<PagedList<MemberRecord>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> List(
        [Description("Only members of this region.")] Region? region,
        [Description("Only members of this kind.")] MemberKind? kind,
        [Description("Page number, from 1.")] int? page,
        [Description("Records per page, 1 to 100 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (CheckPaging(page, pageSize) is { } bad)
        {
            return bad;
        }

        var members = data.Members();
        if (region is { } r)
        {
            members = members.Where(m => m.Region == r);
        }

        if (kind is { } k)
        {
            members = members.Where(m => m.Kind == k);
        }

        return await PagedAsync(members.OrderBy(m => m.Name).ThenBy(m => m.Id).Select(PublicData.ToMember), page, pageSize, cancellationToken);
    }

    [HttpGetOrHead("{id}")]
    [EndpointSummary("Get a member")]
    [EndpointDescription("One member, with its published and closed action plans.")]
    [ProducesResponseType<MemberDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get([Description("The member's id.")] int id, CancellationToken cancellationToken)
    {
        var member = await data.Members().Where(m => m.Id == id).Select(PublicData.ToMember).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return NotPublic("member", id);
        }

        var plans = await data.ActionPlans().Where(p => p.MemberId == id).OrderBy(p => p.Number).Select(PublicData.ToActionPlan).ToListAsync(cancellationToken);
        return new ApiJsonResult(new MemberDetail(member, plans));
    }
}
