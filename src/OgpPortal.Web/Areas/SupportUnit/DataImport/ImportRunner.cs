using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Runs the queued imports, in every instance, one at a time per instance (docs/decisions/0014-import-jobs-in-the-database.md).
/// A job is claimed by a conditional update, so with several instances over one database only one runs it; the
/// running instance writes the progress to the job and renews its lease, and a job whose lease has passed (its
/// instance stopped) is marked failed by any instance. Each import runs in a DI scope of its own acting for the
/// person who uploaded the file, so the audit trail names them. A failure ends that job with a message, never the portal.
/// </summary>
public sealed partial class ImportRunner(
    IServiceScopeFactory scopes,
    ImportQueueSignal signal,
    IOptions<ImportQueueOptions> options,
    TimeProvider clock,
    ILogger<ImportRunner> logger) : PollingService(signal, clock)
{
    /// <summary>How long a progress write waits for the database: on SQLite the import itself holds the only write lock while it checks and saves.</summary>
    private static readonly TimeSpan ProgressWriteTimeout = TimeSpan.FromSeconds(2);

    private static readonly Expression<Func<ImportJob, bool>> Ended = j => j.State == ImportJobState.Done || j.State == ImportJobState.Failed;

    /// <summary>Who claims the jobs: machine, process and this runner (tests run two portals in one process).</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private ImportQueueOptions Queue => options.Value;

    /// <summary>Running, and its instance has not renewed the lease in time.</summary>
    private static Expression<Func<ImportJob, bool>> Abandoned(DateTime now) => j => j.State == ImportJobState.Running && j.LeasedUntil < now;

    protected override TimeSpan PollInterval => Queue.PollInterval;

    /// <summary>Fails the abandoned jobs, then runs queued ones until none is left.</summary>
    protected override async Task<TimeSpan> WorkAsync(CancellationToken cancellationToken)
    {
        await FailAbandonedAsync(cancellationToken);
        while (await ClaimNextAsync(cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
            PruneSoon();
        }

        return Queue.PollInterval;
    }

    protected override void LogLookFailed(Exception exception) => LogQueueUnavailable(logger, exception);

    /// <summary>
    /// Claims the oldest queued job for this runner: one conditional <c>UPDATE</c> that only changes a job still
    /// queued, so of several instances reaching for the same job exactly one gets it. Null when none is left.
    /// </summary>
    public async Task<ImportJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        while (true)
        {
            var next = await db.ImportJobs.AsNoTracking().Where(j => j.State == ImportJobState.Queued)
                .OrderBy(j => j.QueuedAt).ThenBy(j => j.Id).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is not { } id)
            {
                return null;
            }

            var now = Clock.GetUtcNow().UtcDateTime;
            var leasedUntil = now + Queue.Lease;
            var claimed = await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Queued).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.LeasedUntil, leasedUntil).SetProperty(j => j.RunBy, Name),
                cancellationToken);
            if (claimed == 1)
            {
                return await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
            }

            // Another instance took it: look for the next one.
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var claimLost = new CancellationTokenSource();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, claimLost.Token);
        using var importEnded = new CancellationTokenSource();
        var progress = new LatestProgress();
        var writing = WriteProgressAsync(job.Id, progress, claimLost, importEnded.Token);
        ImportReport? report = null;
        string? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundActor>().UserName = job.StartedBy;
            var importer = scope.ServiceProvider.GetRequiredService<OgpDataImporter>();
            var content = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ImportJobFiles.AsNoTracking()
                .Where(f => f.JobId == job.Id).Select(f => f.Content).SingleAsync(cancellation.Token);
            await using var file = new MemoryStream(content, writable: false);
            report = await importer.ImportAsync(file, job.FileName, job.DryRun, progress, cancellation.Token);
            LogFinished(logger, job.Id, job.FileName, job.DryRun, report.Saved, job.StartedBy);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            failure = ImportJob.StoppedMessage;
        }
        catch (OperationCanceledException) when (claimLost.IsCancellationRequested)
        {
            // Another instance found the lease passed and marked the job failed; the import was rolled back.
            LogClaimLost(logger, job.Id, job.FileName);
            return;
        }
#pragma warning disable CA1031 // Whatever goes wrong, the job ends with a message for the user and the runner goes on to the next.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception, job.Id, job.FileName);
            failure = ImportJob.FailureMessage;
        }
        finally
        {
            await importEnded.CancelAsync();
            await writing;
        }

        await EndAsync(job.Id, report, failure);
    }

    /// <summary>
    /// Writes the latest progress to the job at most every <see cref="ImportQueueOptions.ProgressInterval"/>, and
    /// renews the lease at least every quarter lease even without progress. A write that finds the job no longer
    /// this runner's (another instance marked it failed) cancels the import.
    /// </summary>
    private async Task WriteProgressAsync(Guid id, LatestProgress progress, CancellationTokenSource claimLost, CancellationToken importEnded)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Database.SetCommandTimeout(ProgressWriteTimeout);
        using var timer = new PeriodicTimer(Queue.ProgressInterval, Clock);
        ImportProgress? written = null;
        var renewed = Clock.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(importEnded))
            {
                var latest = progress.Latest;
                var now = Clock.GetUtcNow();
                if (ReferenceEquals(latest, written) && now - renewed < Queue.Lease / 4)
                {
                    continue;
                }

                var (percent, stage, rowsRead, leasedUntil) = (progress.Percent, latest?.Stage, latest?.RowsRead ?? 0, now.UtcDateTime + Queue.Lease);
                try
                {
                    var updated = await db.ImportJobs.Where(j => j.Id == id && j.RunBy == Name && j.State == ImportJobState.Running).ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Percent, percent).SetProperty(j => j.Stage, stage).SetProperty(j => j.RowsRead, rowsRead)
                            .SetProperty(j => j.LeasedUntil, leasedUntil),
                        importEnded);
                    if (updated == 0)
                    {
                        await claimLost.CancelAsync();
                        return;
                    }

                    (written, renewed) = (latest, now);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is busy (on SQLite, with this very import): the next tick tries again.
                    LogProgressNotWritten(logger, exception, id);
                }
            }
        }
        catch (OperationCanceledException) when (importEnded.IsCancellationRequested)
        {
            // The import has ended.
        }
    }

    /// <summary>Stores the report (done) or the failure, and deletes the uploaded file.</summary>
    private async Task EndAsync(Guid id, ImportReport? report, string? failure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var state = report is null ? ImportJobState.Failed : ImportJobState.Done;
        var json = report?.ToJson();
        var now = Clock.GetUtcNow().UtcDateTime;

        // Not conditional on the state: should another instance have taken the job for abandoned meanwhile, what happened wins.
        await db.ImportJobs.Where(j => j.Id == id && j.RunBy == Name).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, state).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Percent, 100)
                .SetProperty(j => j.Report, json).SetProperty(j => j.Failure, failure).SetProperty(j => j.LeasedUntil, (DateTime?)null),
            CancellationToken.None);
        await db.ImportJobFiles.Where(f => f.JobId == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>Marks failed the running jobs whose instance stopped renewing their lease (it died, or lost the database).</summary>
    private async Task FailAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;

        // Read first: on SQLite even an update of no row waits while another instance's import holds the write lock.
        if (!await db.ImportJobs.AnyAsync(Abandoned(now), cancellationToken))
        {
            return;
        }

        var failed = await db.ImportJobs.Where(Abandoned(now)).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Percent, 100)
                .SetProperty(j => j.Failure, ImportJob.AbandonedMessage).SetProperty(j => j.LeasedUntil, (DateTime?)null),
            cancellationToken);
        if (failed > 0)
        {
            LogAbandoned(logger, failed);
            await DeleteEndedFilesAsync(db, cancellationToken);
        }
    }

    /// <summary>Deletes the ended jobs beyond the newest <see cref="ImportJobs.Kept"/>, and those older than <see cref="ImportQueueOptions.KeepFor"/>.</summary>
    protected override async Task PruneAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var before = now - Queue.KeepFor;
        var kept = db.ImportJobs.Where(Ended).OrderByDescending(j => j.QueuedAt).Take(ImportJobs.Kept).Select(j => j.Id);
        var old = db.ImportJobs.Where(Ended).Where(j => j.FinishedAt < before || !kept.Contains(j.Id));
        if (await old.AnyAsync(cancellationToken))
        {
            var deleted = await old.ExecuteDeleteAsync(cancellationToken);
            LogPruned(logger, deleted);
        }

        await DeleteEndedFilesAsync(db, cancellationToken);
    }

    /// <summary>The files of jobs neither queued nor running (left by an instance that stopped between ending a job and deleting its file).</summary>
    private static async Task DeleteEndedFilesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var ended = db.ImportJobFiles.Where(f => !db.ImportJobs.Any(j => j.Id == f.JobId && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running)));
        if (await ended.AnyAsync(cancellationToken))
        {
            await ended.ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {JobId} of {FileName} finished (dry run {DryRun}, saved {Saved}), started by {User}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, string fileName, bool dryRun, bool saved, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} of {FileName} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {JobId} of {FileName} was stopped: another instance found its lease passed and marked it failed")]
    private static partial void LogClaimLost(ILogger logger, Guid jobId, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} running import(s) failed: the instance running them stopped renewing their lease")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The progress of import {JobId} could not be written; it is tried again")]
    private static partial void LogProgressNotWritten(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import queue could not be read; it is tried again at the next poll")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} old import jobs")]
    private static partial void LogPruned(ILogger logger, int count);

    /// <summary>The importer's latest progress, kept as it comes (on the importer's thread) for the progress writer.</summary>
    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private volatile ImportProgress? _latest;
        private volatile int _percent;

        public ImportProgress? Latest => _latest;

        /// <summary>0 to 100, never going back.</summary>
        public int Percent => _percent;

        public void Report(ImportProgress value)
        {
            _percent = Math.Max(_percent, value.Percent);
            _latest = value;
        }
    }
}
