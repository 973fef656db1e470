using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>The action plan a record belongs to, asked about with <see cref="Policies.AssessPlan"/>.</summary>
public sealed record PlanScope(int PlanId);

public sealed class AssessPlanRequirement : IAuthorizationRequirement;

/// <summary>
/// Record-level rule: an IRM researcher assesses only the plans the Support Unit assigned to them (read
/// from the database on every request, so a new or removed assignment counts at once); nobody else.
/// </summary>
public sealed class AssessPlanHandler(PortalDbContext db) : AuthorizationHandler<AssessPlanRequirement, PlanScope>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AssessPlanRequirement requirement, PlanScope resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null
            && context.User.IsInRole(PortalRoles.IrmResearcher)
            && await db.ResearcherAssignments.AnyAsync(a => a.UserId == userId && a.ActionPlanId == resource.PlanId))
        {
            context.Succeed(requirement);
        }
    }
}
