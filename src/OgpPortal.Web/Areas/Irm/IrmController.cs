using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Irm;

/// <summary>
/// Base of every IRM screen: the area and its policy are declared once, here; every action on a plan's
/// reports asks <see cref="MayAssessPlanAsync"/> (only the researchers assigned to the plan).
/// </summary>
[Area(AreaNames.Irm)]
[Authorize(Policy = Policies.IrmResearcher)]
public abstract class IrmController : Controller
{
    protected async Task<bool> MayAssessPlanAsync(int planId)
    {
        var authorization = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(User, new PlanScope(planId), Policies.AssessPlan)).Succeeded;
    }
}
