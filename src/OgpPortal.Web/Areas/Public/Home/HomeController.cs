using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Areas.Public.Consultations;

namespace OgpPortal.Web.Areas.Public.Home;

[Route("")]
public sealed class HomeController(HomeQuery query, PublicConsultationQuery consultations) : PublicController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken) with { OpenConsultations = await consultations.OpenAsync(cancellationToken) });
}
