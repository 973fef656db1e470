using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OgpPortal.Infrastructure.Email;

/// <summary>A message the portal sends: password resets, invitations, notifications.</summary>
/// <param name="UnsubscribeUrl">For mail people subscribed to: sent as RFC 8058 one-click List-Unsubscribe headers.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, Uri? UnsubscribeUrl = null);

/// <summary>
/// Sends the portal's e-mail: the message is stored in the outbox and delivered in the background, so a
/// mail server that is down never fails the action that sends it (<see cref="OutboxEmailSender"/>).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Delivers one message now, or throws <see cref="EmailDeliveryException"/>. By default messages are
/// written as .eml files; SMTP by configuration. Only the outbox's dispatcher calls it.
/// </summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A message could not be delivered (mail folder not writable, SMTP server down or refusing).</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public enum EmailDelivery
{
    /// <summary>Write each message as an .eml file into <see cref="EmailOptions.PickupDirectory"/>.</summary>
    PickupDirectory,

    /// <summary>Send through the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupDirectory;

    public string FromAddress { get; set; } = "no-reply@ogp-portal.local";

    public string FromName { get; set; } = "OGP Portal";

    /// <summary>Folder for .eml files; relative paths are under the app's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public MailOutboxOptions Outbox { get; set; } = new();
}

/// <summary>How the outbox delivers and retries (<c>Email:Outbox</c>).</summary>
public sealed class MailOutboxOptions
{
    private static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>
    /// The wait after the 1st, 2nd, … failed attempt; the last one repeats. Empty means 1 min, 5 min,
    /// 30 min, 2 h, 6 h (a default here would be extended, not replaced, by the configured list).
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; } = [];

    /// <summary>After this many failed attempts the message is marked failed and not tried again.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the outbox is looked at without a signal (mail queued by another instance, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance may take to deliver a message it claimed before another may try.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent and failed messages are deleted after this long.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan DelayAfter(int attempts)
    {
        var delays = RetryDelays.Count == 0 ? DefaultRetryDelays : RetryDelays;
        return delays[Math.Clamp(attempts - 1, 0, delays.Count - 1)];
    }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

internal static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as a standard .eml file that any mail program opens.</summary>
public sealed partial class PickupDirectoryTransport(IOptions<EmailOptions> options, ILogger<PickupDirectoryTransport> logger) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = options.Value.PickupDirectory;
        // Names sort in the order the messages were written.
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml");
        using var mime = MimeMessages.Build(options.Value, message);
        // Written under another name and then renamed: whoever reads the folder (a mail program, a pickup
        // service, a test) sees a whole message or none, never one half written.
        var partial = Path.ChangeExtension(path, ".partial");
        try
        {
            Directory.CreateDirectory(directory);
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException($"Could not write e-mail to {directory}.", exception);
        }
        finally
        {
            TryDelete(partial);
        }

        LogWritten(logger, message.Subject, path);
    }

    /// <summary>Removes what is left of a message that could not be written; a failure here must not hide the first one.</summary>
    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left in the folder under its .partial name, which no reader takes for a message.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote e-mail {Subject} to {Path}")]
    private static partial void LogWritten(ILogger logger, string subject, string path);
}

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed partial class SmtpTransport(IOptions<EmailOptions> options, ILogger<SmtpTransport> logger) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value.Smtp;
        using var mime = MimeMessages.Build(options.Value, message);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or MailKit.Security.AuthenticationException)
        {
            throw new EmailDeliveryException($"Could not send e-mail through {settings.Host}:{settings.Port}.", exception);
        }
        LogSent(logger, message.Subject, settings.Host);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent e-mail {Subject} through {Host}")]
    private static partial void LogSent(ILogger logger, string subject, string host);
}
