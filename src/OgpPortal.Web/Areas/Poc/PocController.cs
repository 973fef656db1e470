using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Poc;

/// <summary>Base of every point-of-contact screen: the area and its policy are declared once, here.</summary>
[Area(AreaNames.Poc)]
[Authorize(Policy = Policies.PointOfContact)]
public abstract class PocController : Controller
{
    /// <summary>The record-level check every action makes: is the signed-in user a point of contact of this member?</summary>
    protected async Task<bool> MayActForMemberAsync(int memberId)
    {
        var authorization = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(User, new MemberScope(memberId), Policies.ActForMember)).Succeeded;
    }
}
