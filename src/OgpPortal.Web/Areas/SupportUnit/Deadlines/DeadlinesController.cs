using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.SupportUnit.Deadlines;

/// <summary>Which plans are due or late, and which members' previous cycle OGP counted as contrary to process.</summary>
[Route("support-unit/deadlines")]
public sealed class DeadlinesController(DeadlinesQuery query) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await query.GetAsync(cancellationToken));
}
