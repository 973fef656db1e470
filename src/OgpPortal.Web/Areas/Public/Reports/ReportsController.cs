using Microsoft.AspNetCore.Mvc;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Public.Reports;

/// <summary>The IRM's published reports, for everyone. Drafts and reports in pre-publication are not found.</summary>
[Route("reports")]
public sealed class ReportsController(PortalDbContext db, PublicFindings findings) : PublicController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        View(await findings.Published().ToPageAsync(Paging.Clamp(page), Paging.DefaultSize, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var report = await db.LoadReportAsync(id, cancellationToken);
        var isPublic = report is { Status: ReportStatus.Published, PlanStatus: ActionPlanStatus.Published or ActionPlanStatus.Closed };
        return isPublic ? View(report) : NotFound();
    }
}
