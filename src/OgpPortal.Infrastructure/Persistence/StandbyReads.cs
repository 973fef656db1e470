using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// The portal's context over the PostgreSQL hot standby (<c>ConnectionStrings:PortalReadOnly</c>): the same model
/// as <see cref="PostgreSqlPortalDbContext"/>, never migrated (the standby replays the primary), and it refuses to
/// save: a write that reached it would be a routing mistake, and it says so instead of PostgreSQL's
/// "cannot execute INSERT in a read-only transaction".
/// </summary>
public sealed class PostgreSqlStandbyDbContext(DbContextOptions<PostgreSqlStandbyDbContext> options) : PortalDbContext(options)
{
    private const string ReadOnly = "The standby is read-only: this request was routed to it as a read, and reads must not save.";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw new InvalidOperationException(ReadOnly);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(ReadOnly);
}

/// <summary>
/// Which database this scope's <see cref="PortalDbContext"/> reads: the primary unless the request was marked as a
/// public read that tolerates a second of lag (<see cref="PreferStandby"/>, by the web layer's rule) and the standby
/// is current (<see cref="StandbyMonitor"/>). Decided once, when the scope first asks for its context, so one request
/// never mixes the two; a scope nobody marked (a form, a staff page, a background job, the key ring) reads the primary.
/// </summary>
public sealed class ReadRouting(StandbyMonitor? monitor = null)
{
    private bool _preferStandby;
    private bool? _standby;

    /// <summary>Whether the context was given the standby; null while no context was asked for.</summary>
    public bool? ReadsStandby => _standby;

    /// <summary>Asks for the standby; too late once the context exists (the request keeps the primary).</summary>
    public void PreferStandby() => _preferStandby = true;

    internal bool Decide() => _standby ??= _preferStandby && monitor is { IsCurrent: true };
}

/// <summary>
/// Checks every <see cref="DatabaseSettings.StandbyMaxLag"/> that the standby is a standby (in recovery) and has
/// replayed the primary's log at least up to where the primary was at the previous check (P). The standby is then
/// current until P plus twice the allowed lag, so a public read is never more than twice the lag behind, however long
/// the next check takes; behind, unreachable, promoted or unchecked, the public reads go to the primary. After a
/// failed check the next one compares with the primary's position of that moment, never an older one. It starts
/// not current: nothing is read from a standby no check has passed.
/// </summary>
public sealed partial class StandbyMonitor(DatabaseSettings settings, ILogger<StandbyMonitor> logger) : BackgroundService
{
    private const int CheckTimeoutSeconds = 2;

    private readonly string _primary = ForChecks(settings.ConnectionString);
    private readonly string _standby = ForChecks(settings.ReadOnlyConnectionString
        ?? throw new InvalidOperationException("The standby monitor runs only with ConnectionStrings:PortalReadOnly."));

    private readonly SemaphoreSlim _checking = new(1, 1);
    private (string Lsn, long At)? _primaryPosition;
    private long _currentUntil;
    private bool? _logged;

    /// <summary>Whether public reads may go to the standby now.</summary>
    public bool IsCurrent => Environment.TickCount64 < Interlocked.Read(ref _currentUntil);

    /// <summary>Looks once (the loop does so every interval; a test calls it to decide when).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _checking.WaitAsync(cancellationToken);
        try
        {
            var current = false;
            string? problem;
            try
            {
                var at = Environment.TickCount64;
                var position = await ScalarAsync<string>(_primary, "select pg_current_wal_lsn()::text", null, cancellationToken)
                    ?? throw new InvalidOperationException("The primary gave no log position.");
                var previous = _primaryPosition ?? (position, at);
                current = await ScalarAsync<bool?>(_standby, "select pg_is_in_recovery() and pg_last_wal_replay_lsn() >= @position::pg_lsn",
                    previous.Lsn, cancellationToken) == true;
                problem = current ? null : "it is behind the primary or not a standby";
                _primaryPosition = (position, at);
                Interlocked.Exchange(ref _currentUntil, current ? previous.At + (long)settings.StandbyMaxStaleness.TotalMilliseconds : 0);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong (the standby or primary unreachable, a name that does not resolve), the reads
                // go to the primary and the next check starts afresh; the monitor itself never stops the portal.
                problem = e.Message;
                _primaryPosition = null;
                Interlocked.Exchange(ref _currentUntil, 0);
            }

            if (_logged != current)
            {
                _logged = current;
                if (current)
                {
                    LogStandbyCurrent(logger);
                }
                else
                {
                    LogStandbyNotCurrent(logger, problem ?? string.Empty);
                }
            }
        }
        finally
        {
            _checking.Release();
        }
    }

    public override void Dispose()
    {
        _checking.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.StandbyMaxLag);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static string ForChecks(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = CheckTimeoutSeconds,
            CommandTimeout = CheckTimeoutSeconds,
            ApplicationName = "ogp-portal standby check",
        }.ToString();

    private static async Task<T?> ScalarAsync<T>(string connectionString, string sql, string? position, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (position is not null)
        {
            command.Parameters.AddWithValue("position", position);
        }

        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "The standby is current: the public's searches, API, open data and statistics read it")]
    private static partial void LogStandbyCurrent(ILogger logger);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "The standby is not current ({Problem}): every read goes to the primary until it is")]
    private static partial void LogStandbyNotCurrent(ILogger logger, string problem);
}
