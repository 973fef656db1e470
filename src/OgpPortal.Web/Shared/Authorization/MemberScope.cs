using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>The member a record belongs to, asked about with <see cref="Policies.ActForMember"/>.</summary>
public sealed record MemberScope(int MemberId);

public sealed class ActForMemberRequirement : IAuthorizationRequirement;

/// <summary>
/// Record-level rule: the Support Unit may act for every member; a point of contact only for the members
/// linked to their account (checked against the database on every request, so a new link or a removed
/// one counts at once); nobody else.
/// </summary>
public sealed class ActForMemberHandler(PortalDbContext db) : AuthorizationHandler<ActForMemberRequirement, MemberScope>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActForMemberRequirement requirement, MemberScope resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.IsStaffWithTwoFactor())
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null
            && context.User.IsInRole(PortalRoles.PointOfContact)
            && await db.MemberPointsOfContact.AnyAsync(l => l.UserId == userId && l.MemberId == resource.MemberId))
        {
            context.Succeed(requirement);
        }
    }
}
