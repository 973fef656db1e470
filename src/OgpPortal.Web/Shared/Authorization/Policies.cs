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

    /// <summary>Record level: is the user the IRM researcher assigned to a plan? Resource: <see cref="PlanScope"/>.</summary>
    public const string AssessPlan = "AssessPlan";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Staff accounts act as staff only with two-factor sign-in set up: here, in the plan editors and in
        // the record-level handler alike.
        options.AddPolicy(SupportUnit, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsStaffWithTwoFactor()));
        options.AddPolicy(IrmResearcher, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.IrmResearcher));
        options.AddPolicy(PointOfContact, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.PointOfContact));
        options.AddPolicy(PlanEditor, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsInRole(PortalRoles.PointOfContact) || c.User.IsStaffWithTwoFactor()));
        options.AddPolicy(ActForMember, p => p.RequireAuthenticatedUser().AddRequirements(new ActForMemberRequirement()));
        options.AddPolicy(AssessPlan, p => p.RequireAuthenticatedUser().AddRequirements(new AssessPlanRequirement()));
    }
}

public static class StaffClaims
{
    /// <summary>A Support Unit account that signed in with its second factor set up.</summary>
    public static bool IsStaffWithTwoFactor(this System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.SupportUnit) && user.HasClaim(PortalClaims.TwoFactor, "true");
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
