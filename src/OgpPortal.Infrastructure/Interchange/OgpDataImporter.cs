using Microsoft.Extensions.Logging;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>
/// Imports OGP's commitments data (the current export, or the IRM explorer layout of 2015–2017) in one
/// transaction, and reports what it did with every row. See ADR 0011 and docs/data-interchange.md.
/// </summary>
public sealed class OgpDataImporter(PortalDbContext db, TimeProvider clock, ILogger<OgpDataImporter> logger)
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads the file, checks every row, and (unless a dry run, or the file is refused) saves all changes in
    /// one transaction. Cancelling, or any failure, leaves the database as it was.
    /// </summary>
    public Task<ImportReport> ImportAsync(Stream file, string fileName, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _ = (db, clock, logger, file, progress, cancellationToken);
        return Task.FromResult(new ImportReport { FileName = fileName, DryRun = dryRun, FileProblem = "Not built yet." });
    }
}
