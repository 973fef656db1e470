namespace OgpPortal.Domain.Access;

/// <summary>How each role is named to people, in messages and on screen.</summary>
public static class RoleNames
{
    public static string Describe(PortalRole role) => role switch
    {
        PortalRole.SupportUnit => "the Support Unit",
        PortalRole.IrmResearcher => "an IRM researcher",
        PortalRole.PointOfContact => "a point of contact",
        _ => role.ToString(),
    };
}
