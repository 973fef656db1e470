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

    public static int DisplayNameMaxLength => Limits.PersonName;
}
