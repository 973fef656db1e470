using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Poc;

/// <summary>
/// Base of the plan and commitment editors, which points of contact and the Support Unit share: the role
/// policy lets both in, and every action asks <see cref="MayActForMemberAsync"/> for the record's member
/// (a point of contact only for their own members; the Support Unit for all).
/// </summary>
[Area(AreaNames.Poc)]
[Authorize(Policy = Policies.PlanEditor)]
public abstract class PlanEditorController : Controller
{
    protected async Task<bool> MayActForMemberAsync(int memberId)
    {
        var authorization = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(User, new MemberScope(memberId), Policies.ActForMember)).Succeeded;
    }
}
