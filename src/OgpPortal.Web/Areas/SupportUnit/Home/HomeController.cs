using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.SupportUnit.Home;

[Route("support-unit")]
public sealed class HomeController(DashboardQuery query) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken));
}
