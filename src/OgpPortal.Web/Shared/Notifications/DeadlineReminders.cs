using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.SupportUnit.Deadlines;

namespace OgpPortal.Web.Shared.Notifications;

/// <summary>
/// Sends the deadline reminders due today (<see cref="PlanDeadlines.ReminderDue"/>: 60, 30 and 7 days before 31 August)
/// to the points of contact of each member whose plan is not delivered yet, each reminder once: it is recorded
/// (<see cref="DeadlineReminder"/>, unique per member, deadline and days) before it is queued, so a second instance,
/// or a second run the same day, sends nothing again.
/// </summary>
public sealed class DeadlineReminderRun(PortalDbContext db, DeadlinesQuery deadlines, WorkNotifications notifications, TimeProvider clock) : IFeatureService
{
    /// <summary>Sends what is due; returns how many members were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var due = (await deadlines.CyclesAsync(today, cancellationToken))
            .Select(row => (Row: row, Days: PlanDeadlines.ReminderDue(row.Cycle, today)))
            .Where(d => d.Days is not null)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var memberIds = due.Select(d => d.Row.MemberId).ToList();
        var sent = (await db.DeadlineReminders.AsNoTracking()
                .Where(r => memberIds.Contains(r.MemberId) && r.Deadline >= today)
                .Select(r => new { r.MemberId, r.Deadline, r.DaysBefore })
                .ToListAsync(cancellationToken))
            .Select(r => (r.MemberId, r.Deadline, r.DaysBefore))
            .ToHashSet();
        var reminded = 0;
        foreach (var (row, days) in due.Where(d => !sent.Contains((d.Row.MemberId, d.Row.Deadline, d.Days!.Value))))
        {
            db.DeadlineReminders.Add(new DeadlineReminder(row.MemberId, row.Deadline, days!.Value, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance recorded it first, and sends it.
                db.ChangeTracker.Clear();
                continue;
            }

            await notifications.DeadlineReminderAsync(row, days.Value, cancellationToken);
            reminded++;
        }

        return reminded;
    }
}

/// <summary>Wakes the deadline reminders; nothing notifies it today, they look every hour.</summary>
public sealed class DeadlineReminderSignal : WakeSignal;

/// <summary>
/// Looks for the deadline reminders due every hour (the project's <see cref="PollingService"/>: an error is logged
/// and the next look goes on), and forgets the reminders of deadlines more than a year past.
/// </summary>
public sealed partial class DeadlineReminderService(
    IServiceScopeFactory scopes,
    DeadlineReminderSignal signal,
    TimeProvider clock,
    ILogger<DeadlineReminderService> logger) : PollingService(signal, clock)
{
    protected override TimeSpan PollInterval { get; } = TimeSpan.FromHours(1);

    protected override async Task<TimeSpan> WorkAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminderRun>().SendDueAsync(cancellationToken);
        return PollInterval;
    }

    protected override async Task PruneAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = DateOnly.FromDateTime(now).AddYears(-1);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DeadlineReminders.Where(r => r.Deadline < before).ExecuteDeleteAsync(cancellationToken);
    }

    protected override void LogLookFailed(Exception exception) => LogLookFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for deadline reminders failed; the next look is in an hour.")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);
}
