using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Runs the queued imports one at a time, each in a DI scope of its own acting for the person who uploaded
/// the file, so the audit trail names them. A failure ends that job with a message, never the portal.
/// </summary>
public sealed partial class ImportRunner(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Waiting.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The portal is stopping: the jobs still waiting will not run; their copies are removed.
            while (jobs.Waiting.TryRead(out var job))
            {
                job.Fail("The portal stopped before the import started. Nothing was saved.");
                File.Delete(job.FilePath);
            }
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        job.Start();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundActor>().UserName = job.StartedBy;
            var importer = scope.ServiceProvider.GetRequiredService<OgpDataImporter>();
            await using var file = new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var report = await importer.ImportAsync(file, job.FileName, job.DryRun, new JobProgress(job), stoppingToken);
            job.Finish(report);
            LogFinished(logger, job.Id, job.FileName, job.DryRun, report.Saved, job.StartedBy);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Fail("The portal stopped before the import finished. Nothing was saved.");
        }
#pragma warning disable CA1031 // Whatever goes wrong, the job ends with a message for the user and the runner goes on to the next.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception, job.Id, job.FileName);
            job.Fail(ImportJob.FailureMessage);
        }
        finally
        {
            File.Delete(job.FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {JobId} of {FileName} finished (dry run {DryRun}, saved {Saved}), started by {User}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, string fileName, bool dryRun, bool saved, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} of {FileName} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId, string fileName);

    /// <summary>Puts the importer's progress on the job as it comes, on the importer's own thread.</summary>
    private sealed class JobProgress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Update(value);
    }
}
