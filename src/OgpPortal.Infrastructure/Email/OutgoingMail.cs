namespace OgpPortal.Infrastructure.Email;

/// <summary>
/// A message in the outbox: stored when the portal sends it, delivered by <see cref="MailDispatcher"/>,
/// retried on failure (docs/decisions/0013-mail-outbox.md). Pending while neither sent nor failed.
/// </summary>
public sealed class OutgoingMail
{
    public const int SubjectLength = 998;
    public const int UrlLength = 2000;
    public const int ErrorLength = 1000;

    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public string? UnsubscribeUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Delivery attempts begun, counted when an instance claims the message.</summary>
    public int Attempts { get; set; }

    /// <summary>When the message is due (again); an instance claims it from then on.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set by the instance delivering the message: no other instance takes it before then.</summary>
    public DateTime? LeasedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the last allowed attempt failed: the message is not tried again.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }

    public EmailMessage ToMessage() =>
        new(To, Subject, TextBody, HtmlBody, UnsubscribeUrl is null ? null : new Uri(UnsubscribeUrl, UriKind.Absolute));
}
