using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Poc.Home;

[Route("poc")]
public sealed class HomeController(MyMembersQuery query) : PocController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(User.RequireUserId(), cancellationToken));
}
