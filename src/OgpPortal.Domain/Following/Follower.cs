using System.Security.Cryptography;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Following;

/// <summary>
/// Someone who asked to be told by e-mail about a member or an action plan: when a plan opens for
/// consultation, is published, or gets a published IRM report. Double opt-in: nothing is sent but the
/// confirmation until the address is confirmed. The token in every mail confirms and unsubscribes.
/// Not audited: it is a person's address, not a change to OGP's record.
/// </summary>
public class Follower
{
    /// <summary>An unconfirmed request is forgotten after this long.</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromDays(7);

    public const int TokenLength = 43;

    private Follower()
    {
    }

    public int Id { get; private set; }

    public string Email { get; private set; } = string.Empty;

    /// <summary>The member followed (all its plans), or null when a single plan is followed.</summary>
    public int? MemberId { get; private set; }

    public int? ActionPlanId { get; private set; }

    /// <summary>A random, unguessable key carried by the confirmation and unsubscribe links.</summary>
    public string Token { get; private set; } = string.Empty;

    public DateTime RequestedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>The language of the page the person asked to follow from (en, es, fr); the mails they get are in it.</summary>
    public string? Language { get; private set; }

    public const int LanguageLength = 8;

    public static Follower ForMember(string email, int memberId, DateTime utcNow, string? language = null) => new()
    {
        Email = Normalise(email),
        MemberId = memberId,
        Token = NewToken(),
        RequestedAt = utcNow,
        Language = language,
    };

    public static Follower ForPlan(string email, int planId, DateTime utcNow, string? language = null) => new()
    {
        Email = Normalise(email),
        ActionPlanId = planId,
        Token = NewToken(),
        RequestedAt = utcNow,
        Language = language,
    };

    /// <summary>Confirms the address; a request older than the window must be made again.</summary>
    public void Confirm(DateTime utcNow)
    {
        if (IsConfirmed)
        {
            return;
        }

        if (utcNow - RequestedAt > ConfirmationWindow)
        {
            throw new DomainRuleException("This confirmation link has expired. Please follow again to get a new one.");
        }

        ConfirmedAt = utcNow;
    }

    /// <summary>A repeated request for an unconfirmed address starts the window again, in the language of that request.</summary>
    public void Renew(DateTime utcNow, string? language = null)
    {
        if (!IsConfirmed)
        {
            RequestedAt = utcNow;
            Language = language ?? Language;
        }
    }

    public static string Normalise(string email) => Guard.Required(email, "An e-mail address").ToLowerInvariant();

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
