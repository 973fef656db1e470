using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Web.Areas.Public.Consultations;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Areas.Public.Home;

[Route("")]
public sealed class HomeController(HomeQuery query, PublicConsultationQuery consultations) : PublicController
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken) with { OpenConsultations = await consultations.OpenAsync(cancellationToken) });
}
