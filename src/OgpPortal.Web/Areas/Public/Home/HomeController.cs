using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.Public.Home;

[Route("")]
public sealed class HomeController(HomeQuery query) : PublicController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken));
}
