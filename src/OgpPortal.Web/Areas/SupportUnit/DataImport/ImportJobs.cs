using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>A line of the list of recent imports.</summary>
public sealed record ImportJobSummary(Guid Id, string FileName, DateTime QueuedAt, string StartedBy, bool DryRun, ImportJobState State);

/// <summary>
/// The import queue, kept in the database so that every instance of the portal shows every job
/// (docs/decisions/0014-import-jobs-in-the-database.md): uploads are queued here and run by the
/// <see cref="ImportRunner"/> of whichever instance claims them first.
/// </summary>
public sealed class ImportJobs(PortalDbContext db, ImportQueueSignal signal, TimeProvider clock)
{
    /// <summary>How many jobs the list shows, and how many ended ones are kept.</summary>
    public const int Kept = 20;

    /// <summary>Uploads waiting to run; more are refused with a message.</summary>
    public const int MaxWaiting = 5;

    private static readonly TimeSpan UploadWriteTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The newest jobs, newest first.</summary>
    public Task<List<ImportJobSummary>> RecentAsync(CancellationToken cancellationToken) =>
        db.ImportJobs.AsNoTracking().OrderByDescending(j => j.QueuedAt).Take(Kept)
            .Select(j => new ImportJobSummary(j.Id, j.FileName, j.QueuedAt, j.StartedBy, j.DryRun, j.State))
            .ToListAsync(cancellationToken);

    public Task<ImportJob?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>
    /// Stores the upload and queues it, and wakes this instance's runner. Null when <see cref="MaxWaiting"/>
    /// jobs are already waiting: then nothing is kept. (Two uploads at the same moment may both pass the
    /// check; the limit is there to stop a pile-up, not to count exactly.)
    /// </summary>
    public async Task<ImportJob?> EnqueueAsync(IFormFile file, bool dryRun, string startedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await db.ImportJobs.CountAsync(j => j.State == ImportJobState.Queued, cancellationToken) >= MaxWaiting)
        {
            return null;
        }

        var content = new byte[file.Length];
        await using (var upload = file.OpenReadStream())
        {
            await upload.ReadExactlyAsync(content, cancellationToken);
        }

        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            FileName = Truncate(Path.GetFileName(file.FileName), ImportJob.FileNameLength),
            DryRun = dryRun,
            StartedBy = startedBy,
            QueuedAt = clock.GetUtcNow().UtcDateTime,
            State = ImportJobState.Queued,
        };
        db.ImportJobs.Add(job);
        db.ImportJobFiles.Add(new ImportJobFile { JobId = job.Id, Content = content });

        // On SQLite an import that is saving holds the database's only write lock until its save ends (tens of
        // seconds for the largest files): the upload waits for it rather than failing.
        db.Database.SetCommandTimeout(UploadWriteTimeout);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return job;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Wakes this instance's <see cref="ImportRunner"/> when a file is queued here.</summary>
public sealed class ImportQueueSignal : WakeSignal;

/// <summary>The import queue's timings (section <c>DataImport</c>).</summary>
public sealed class ImportQueueOptions
{
    public const string Section = "DataImport";

    /// <summary>How often a runner looks for jobs queued on other instances, and for abandoned ones.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a running job stays claimed without a word from its instance; after that any instance marks it
    /// failed. Longer than the longest write an import holds the database for (SQLite lets no one else write meanwhile).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the running job's progress is written (and its lease renewed, at least every quarter lease).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Ended jobs older than this are deleted, as are those beyond the newest <see cref="ImportJobs.Kept"/>.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);
}
