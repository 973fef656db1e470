using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Uploads a file of OGP's data to the import queue, follows its progress and shows its report
/// (docs/guides/support-unit.md, "Importing OGP's data").
/// </summary>
[Route("support-unit/data-import")]
public sealed class DataImportController(ImportJobs jobs, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : SupportUnitController
{
    [HttpGet("")]
    public IActionResult Index() => View(new DataImportPage(new UploadForm(), jobs.Recent));

    [HttpPost("")]
    [RequestSizeLimit(UploadForm.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadForm.MaxRequestBytes)]
    [RefuseOversizedUpload]
    public async Task<IActionResult> Upload([Bind(Prefix = nameof(DataImportPage.Form))] UploadForm form, [FromServices] IValidator<UploadForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await validator.ValidateIntoAsync(form, ModelState, nameof(DataImportPage.Form), cancellationToken))
        {
            return View(nameof(Index), new DataImportPage(form, jobs.Recent));
        }

        ImportJob? job;
        await using (var content = form.CsvFile!.OpenReadStream())
        {
            job = await jobs.EnqueueAsync(content, form.CsvFile.FileName, form.DryRun, User.Identity?.Name ?? string.Empty, clock.GetUtcNow(), cancellationToken);
        }

        if (job is null)
        {
            ModelState.AddModelError(string.Empty, "Several imports are already waiting. Nothing was queued: send the file again when they have finished.");
            return View(nameof(Index), new DataImportPage(form, jobs.Recent));
        }

        return Redirect($"/support-unit/data-import/{job.Id}");
    }

    [HttpGet("{id:guid}")]
    public IActionResult Show(Guid id) => jobs.Find(id) is { } job ? View(job) : NotFound();

    [HttpGet("{id:guid}/progress")]
    public IActionResult Progress(Guid id) => jobs.Find(id) is { } job ? Json(ImportJobText.Progress(localizer, job)) : NotFound();

    [HttpGet("{id:guid}/report.csv")]
    public async Task<IActionResult> ReportCsv(Guid id, CancellationToken cancellationToken)
    {
        if (jobs.Find(id)?.Report is not { } report)
        {
            return NotFound();
        }

        using var csv = new MemoryStream();
        await report.WriteCsvAsync(csv, cancellationToken);
        return File(csv.ToArray(), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(report.FileName)}.report.csv");
    }
}

/// <summary>The upload form and the imports of this instance, newest first.</summary>
public sealed record DataImportPage(UploadForm Form, IReadOnlyList<ImportJob> Recent);
