using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Uploads a file of OGP's data to the import queue, follows its progress and shows its report
/// (docs/guides/support-unit.md, "Importing OGP's data").
/// </summary>
[Route("support-unit/data-import")]
public sealed class DataImportController(ImportJobs jobs, IStringLocalizer<SharedResource> localizer) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new DataImportPage(new UploadForm(), await jobs.RecentAsync(cancellationToken)));

    [HttpPost("")]
    [RequestSizeLimit(UploadForm.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadForm.MaxRequestBytes)]
    [RefuseOversizedUpload]
    public async Task<IActionResult> Upload([Bind(Prefix = nameof(DataImportPage.Form))] UploadForm form, [FromServices] IValidator<UploadForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await validator.ValidateIntoAsync(form, ModelState, nameof(DataImportPage.Form), cancellationToken))
        {
            return View(nameof(Index), new DataImportPage(form, await jobs.RecentAsync(cancellationToken)));
        }

        var job = await jobs.EnqueueAsync(form.CsvFile!, form.DryRun, User.Identity?.Name ?? string.Empty, cancellationToken);
        if (job is null)
        {
            ModelState.AddModelError(string.Empty, "Several imports are already waiting. Nothing was queued: send the file again when they have finished.");
            return View(nameof(Index), new DataImportPage(form, await jobs.RecentAsync(cancellationToken)));
        }

        return Redirect($"/support-unit/data-import/{job.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        await jobs.FindAsync(id, cancellationToken) is { } job ? View(job) : NotFound();

    [HttpGet("{id:guid}/progress")]
    public async Task<IActionResult> Progress(Guid id, CancellationToken cancellationToken) =>
        await jobs.FindAsync(id, cancellationToken) is { } job ? Json(ImportJobText.Progress(localizer, job)) : NotFound();

    [HttpGet("{id:guid}/report.csv")]
    public async Task<IActionResult> ReportCsv(Guid id, CancellationToken cancellationToken)
    {
        if ((await jobs.FindAsync(id, cancellationToken))?.ReadReport() is not { } report)
        {
            return NotFound();
        }

        using var csv = new MemoryStream();
        await report.WriteCsvAsync(csv, cancellationToken);
        return File(csv.ToArray(), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(report.FileName)}.report.csv");
    }
}

/// <summary>The upload form and the recent imports, newest first.</summary>
public sealed record DataImportPage(UploadForm Form, IReadOnlyList<ImportJobSummary> Recent);
