using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Reports;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.Reports;

/// <summary>A correction of a published report by the Support Unit: new text, and why.</summary>
public sealed class CorrectionForm
{
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Key findings")]
    public string? KeyFindings { get; set; }

    [Display(Name = "Link to the report document (optional)")]
    public string? DocumentUrl { get; set; }

    [Display(Name = "Reason for the correction")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

public sealed class CorrectionFormValidator : AbstractValidator<CorrectionForm>
{
    public CorrectionFormValidator()
    {
        RuleFor(f => f.Summary).NotEmpty().WithMessage("A published report keeps a summary.").MaximumLength(Limits.LongText);
        RuleFor(f => f.KeyFindings).MaximumLength(Limits.LongText);
        RuleFor(f => f.DocumentUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(Limits.Url).WithMessage($"The address has at most {Limits.Url} characters.")
            .Must(u => string.IsNullOrWhiteSpace(u) || WebAddress.IsValid(u.Trim())).WithMessage("Enter a web address starting with http:// or https://.");
        RuleFor(f => f.Note).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Say why the report is corrected.")
            .MaximumLength(Limits.Reason).WithMessage($"The reason has at most {Limits.Reason} characters.");
    }
}

public sealed record IrmReportViewModel(ReportView Report)
{
    public CorrectionForm Correction { get; init; } = new();
}

/// <summary>The Support Unit reads every IRM report, comments in pre-publication and corrects published ones.</summary>
[Route("support-unit/reports/{id:int}")]
public sealed class ReportsController(PortalDbContext db, ReportCommenting commenting) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var report = await db.LoadReportAsync(id, cancellationToken);
        return report is null ? NotFound() : View(WithCorrection(report));
    }

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(int id, CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.IrmReports.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            await commenting.AddAsync(this, id, PortalRole.SupportUnit, form.Text!, cancellationToken);
        }
        else
        {
            this.Error(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
        }

        return Redirect($"/support-unit/reports/{id}");
    }

    [HttpPost("correction")]
    public async Task<IActionResult> Correct(int id, [Bind(Prefix = nameof(IrmReportViewModel.Correction))] CorrectionForm form, [FromServices] IValidator<CorrectionForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await db.IrmReports.Include(r => r.ActionPlan).ThenInclude(p => p.Member).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(IrmReportViewModel.Correction), cancellationToken)
            && await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(report, form.Version);
                    report.Correct(PortalRole.SupportUnit, form.Summary, form.KeyFindings, form.DocumentUrl, form.Note!);
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken))
        {
            this.Success("The report was corrected; it is now revision {0}.", report.Revision);
            return Redirect($"/support-unit/reports/{id}");
        }

        db.ChangeTracker.Clear();
        return View(nameof(Show), new IrmReportViewModel((await db.LoadReportAsync(id, cancellationToken))!) { Correction = form });
    }

    private static IrmReportViewModel WithCorrection(ReportView report) => new(report)
    {
        Correction = new CorrectionForm { Summary = report.Summary, KeyFindings = report.KeyFindings, DocumentUrl = report.DocumentUrl, Version = report.Version },
    };
}
