using System.Security.Claims;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>The signed-in user of the current request, for audit stamps.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name
        : null;
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The role the user acts in, for the domain's "who may do it" rules.</summary>
    public static PortalRole ActingRole(this ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.SupportUnit) ? PortalRole.SupportUnit
        : user.IsInRole(PortalRoles.IrmResearcher) ? PortalRole.IrmResearcher
        : PortalRole.PointOfContact;

    /// <summary>The Identity user id of a signed-in user.</summary>
    public static string RequireUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request has no signed-in user.");
}
