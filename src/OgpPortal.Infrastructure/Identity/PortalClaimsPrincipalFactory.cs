using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OgpPortal.Infrastructure.Identity;

/// <summary>The portal's own claims, added to Identity's (name, id, roles).</summary>
public static class PortalClaims
{
    /// <summary>"true" when the account signs in with a second factor (an authenticator app).</summary>
    public const string TwoFactor = "ogp:two_factor";

    /// <summary>The language the account's e-mails are written in (<see cref="ApplicationUser.Language"/>); absent until known.</summary>
    public const string Language = "ogp:language";
}

/// <summary>
/// Builds the signed-in principal, on sign-in and again on every request (the security stamp is checked
/// each time), so whether the account has two-factor sign-in, and its language, are always current.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<ApplicationUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        if (user.Language is { } language)
        {
            identity.AddClaim(new Claim(PortalClaims.Language, language));
        }
        return identity;
    }
}
