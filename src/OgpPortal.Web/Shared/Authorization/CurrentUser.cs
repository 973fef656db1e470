using System.Security.Claims;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>
/// The signed-in user of the current request, for audit stamps; outside a request (a queued import, a
/// command), the person the work is done for, as set on the scope's <see cref="BackgroundActor"/>.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, BackgroundActor background) : ICurrentUser
{
    public string? UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name
        : background.UserName;
}

/// <summary>Who work done outside a request acts for, in one DI scope (set by whoever creates the scope).</summary>
public sealed class BackgroundActor
{
    public string? UserName { get; set; }
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
