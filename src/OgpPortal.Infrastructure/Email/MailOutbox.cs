using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Email;

/// <summary>
/// The portal's <see cref="IEmailSender"/>: stores the message in the outbox, in a database context of its
/// own (so the caller's unsaved changes are never saved with it), and wakes the dispatcher. A mail server
/// that is down therefore never fails the action; the message waits in the outbox.
/// </summary>
public sealed class OutboxEmailSender(IServiceScopeFactory scopes, MailOutboxSignal signal, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutgoingMails.Add(new OutgoingMail
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            UnsubscribeUrl = message.UnsubscribeUrl?.AbsoluteUri,
            CreatedAt = now,
            NextAttemptAt = now,
        });

        // The change the mail tells about is saved by now: a visitor who leaves the page must not lose its mail.
        await db.SaveChangesAsync(CancellationToken.None);
        signal.Notify();
    }
}

/// <summary>Wakes the dispatcher when a message is queued, so nobody waits for the next poll.</summary>
public sealed class MailOutboxSignal : WakeSignal;

/// <summary>
/// Delivers the outbox through the configured <see cref="IEmailTransport"/>: due messages in the order
/// they were queued, each claimed first by a conditional update (so with several instances over one
/// database a message is sent once), retried after <see cref="MailOutboxOptions.RetryDelays"/>, marked
/// failed after <see cref="MailOutboxOptions.MaxAttempts"/>; old sent and failed messages are deleted.
/// </summary>
public sealed partial class MailDispatcher(
    IServiceScopeFactory scopes,
    MailOutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : PollingService(signal, clock)
{
    private const int BatchSize = 50;

    /// <summary>Neither sent nor given up on.</summary>
    public static readonly Expression<Func<OutgoingMail, bool>> Pending = m => m.SentAt == null && m.FailedAt == null;

    /// <summary>Pending, and its next attempt is due by <paramref name="now"/>.</summary>
    public static Expression<Func<OutgoingMail, bool>> Due(DateTime now) => m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now;

    /// <summary>No instance holds a lease on it at <paramref name="now"/>.</summary>
    private static Expression<Func<OutgoingMail, bool>> Unclaimed(DateTime now) => m => m.LeasedUntil == null || m.LeasedUntil < now;

    private MailOutboxOptions Outbox => options.Value.Outbox;

    protected override TimeSpan PollInterval => Outbox.PollInterval;

    protected override Task<TimeSpan> WorkAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    protected override void LogLookFailed(Exception exception) => LogOutboxUnavailable(logger, exception);

    /// <summary>Delivers what is due now; returns how long to wait before the next look.</summary>
    private async Task<TimeSpan> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingMails.AsNoTracking().Where(Due(now)).Where(Unclaimed(now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await DeliverAsync(db, transport, id, cancellationToken);
        }

        if (due.Count == BatchSize)
        {
            return TimeSpan.Zero;
        }

        var next = await db.OutgoingMails.AsNoTracking().Where(Pending).OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var untilNext = next is null ? Outbox.PollInterval : next.Value - Clock.GetUtcNow().UtcDateTime;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < Outbox.PollInterval ? untilNext : Outbox.PollInterval;
    }

    private async Task DeliverAsync(PortalDbContext db, IEmailTransport transport, long id, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var leasedUntil = now + Outbox.Lease;
        var claimed = await db.OutgoingMails
            .Where(m => m.Id == id).Where(Due(now)).Where(Unclaimed(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, leasedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return; // another instance took it
        }

        var mail = await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(mail.ToMessage(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RecordFailureAsync(db, mail, exception, cancellationToken);
            return;
        }

        var sentAt = Clock.GetUtcNow().UtcDateTime;
        await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LeasedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
    }

    private async Task RecordFailureAsync(PortalDbContext db, OutgoingMail mail, Exception exception, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var error = Describe(exception);
        if (mail.Attempts >= Outbox.MaxAttempts)
        {
            await db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.LeasedUntil, (DateTime?)null).SetProperty(m => m.LastError, error),
                cancellationToken);
            LogGaveUp(logger, mail.Id, mail.Subject, mail.Attempts, error);
            return;
        }

        var nextAttemptAt = now + Outbox.DelayAfter(mail.Attempts);
        await db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, nextAttemptAt).SetProperty(m => m.LeasedUntil, (DateTime?)null).SetProperty(m => m.LastError, error),
            cancellationToken);
        LogWillRetry(logger, mail.Id, mail.Subject, mail.Attempts, nextAttemptAt, error);
    }

    protected override async Task PruneAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now - Outbox.KeepFor;
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingMails
            .Where(m => (m.SentAt != null && m.SentAt < before) || (m.FailedAt != null && m.FailedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPruned(logger, deleted);
        }
    }

    /// <summary>The failure and its causes' messages, without the message itself (it may hold a reset link).</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add(e.Message);
        }

        var text = string.Join(" ← ", parts);
        return text.Length <= OutgoingMail.ErrorLength ? text : text[..OutgoingMail.ErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MailId} ({Subject}) not delivered at attempt {Attempts}; next attempt at {NextAttemptAt:u}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, long mailId, string subject, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {MailId} ({Subject}) failed after {Attempts} attempts and will not be tried again: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long mailId, string subject, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail outbox could not be read; it is tried again at the next poll")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} old sent or failed e-mails from the outbox")]
    private static partial void LogPruned(ILogger logger, int count);
}
