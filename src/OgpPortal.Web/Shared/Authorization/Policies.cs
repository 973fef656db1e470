using Microsoft.AspNetCore.Authorization;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>The authorization policies, one per area. Controllers name a policy, never a role string.</summary>
public static class Policies
{
    public const string SupportUnit = "SupportUnitArea";
    public const string IrmResearcher = "IrmArea";
    public const string PointOfContact = "PocArea";

    /// <summary>The plan and commitment editors: points of contact and the Support Unit.</summary>
    public const string PlanEditor = "PlanEditor";

    /// <summary>Record level: may the user act for the member that owns a record? Resource: <see cref="MemberScope"/>.</summary>
    public const string ActForMember = "ActForMember";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Staff accounts reach the Support Unit's screens only with two-factor sign-in set up.
        options.AddPolicy(SupportUnit, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.SupportUnit).RequireClaim(PortalClaims.TwoFactor, "true"));
        options.AddPolicy(IrmResearcher, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.IrmResearcher));
        options.AddPolicy(PointOfContact, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.PointOfContact));
        options.AddPolicy(PlanEditor, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.PointOfContact, PortalRoles.SupportUnit));
        options.AddPolicy(ActForMember, p => p.RequireAuthenticatedUser().AddRequirements(new ActForMemberRequirement()));
    }
}

/// <summary>The MVC area names, which are also the feature folders under <c>Areas/</c>.</summary>
public static class AreaNames
{
    public const string Public = "Public";
    public const string SupportUnit = "SupportUnit";
    public const string Irm = "Irm";
    public const string Poc = "Poc";
}
