using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Irm.Home;

[Route("irm")]
public sealed class HomeController(AssignedPlansQuery query) : IrmController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(User.RequireUserId(), cancellationToken));
}
