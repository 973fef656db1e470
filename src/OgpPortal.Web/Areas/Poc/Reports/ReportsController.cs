using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Reports;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.Reports;

/// <summary>A point of contact reads the IRM's reports on their members' plans and comments in pre-publication.</summary>
[Route("poc/reports/{id:int}")]
public sealed class ReportsController(PortalDbContext db, ReportCommenting commenting) : PocController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var report = await db.LoadReportAsync(id, cancellationToken);
        if (report is null || report.Status == Domain.Irm.ReportStatus.Draft)
        {
            // A draft is the researcher's own until it is opened for comment.
            return NotFound();
        }

        return await MayActForMemberAsync(report.MemberId) ? View(report) : Forbid();
    }

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(int id, CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await db.LoadReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(report.MemberId))
        {
            return Forbid();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            await commenting.AddAsync(this, id, PortalRole.PointOfContact, form.Text!, cancellationToken);
        }
        else
        {
            this.Error(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
        }

        return Redirect($"/poc/reports/{id}");
    }
}
