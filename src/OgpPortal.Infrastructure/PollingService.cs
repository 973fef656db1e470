using Microsoft.Extensions.Hosting;

namespace OgpPortal.Infrastructure;

/// <summary>
/// A hosted service that works through a table every instance shares (the mail outbox, the import queue): it
/// looks when its <see cref="WakeSignal"/> is notified and at least every <see cref="PollInterval"/>, and prunes
/// hourly. An error (most likely the database is unavailable) is logged and the loop goes on to the next look:
/// it never stops, or it would take the portal down with it.
/// </summary>
public abstract class PollingService(WakeSignal signal, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private DateTime _nextPrune = DateTime.MinValue;

    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Does the work that is due; returns how long to wait before looking again.</summary>
    protected abstract Task<TimeSpan> WorkAsync(CancellationToken cancellationToken);

    /// <summary>Deletes what has ended and is no longer kept.</summary>
    protected abstract Task PruneAsync(DateTime now, CancellationToken cancellationToken);

    /// <summary>Logs the error that ended a look.</summary>
    protected abstract void LogLookFailed(Exception exception);

    /// <summary>Prunes at the end of this look, not within the hour (the work added something to prune).</summary>
    protected void PruneSoon() => _nextPrune = DateTime.MinValue;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            try
            {
                wait = await WorkAsync(stoppingToken);
                var now = Clock.GetUtcNow().UtcDateTime;
                if (now >= _nextPrune)
                {
                    await PruneAsync(now, stoppingToken);
                    _nextPrune = now + PruneEvery;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLookFailed(exception);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
