using Microsoft.AspNetCore.Identity;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Identity;

/// <summary>A person who signs in: Support Unit staff, an IRM researcher or a member's point of contact.</summary>
public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the Support Unit deactivated the account; a deactivated account cannot sign in.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>
    /// The language the person last used the portal in (en, es or fr), kept as they use it; the e-mails the
    /// portal writes to them are in it. Null until they have signed in once: their e-mails are then in English.
    /// </summary>
    public string? Language { get; set; }

    public static int LanguageMaxLength => 8;

    public static int DisplayNameMaxLength => Limits.PersonName;
}
