using OgpPortal.Domain.Access;

namespace OgpPortal.Infrastructure.Identity;

/// <summary>The Identity role names, one per <see cref="PortalRole"/>. The only place role strings are written.</summary>
public static class PortalRoles
{
    public const string SupportUnit = nameof(PortalRole.SupportUnit);
    public const string IrmResearcher = nameof(PortalRole.IrmResearcher);
    public const string PointOfContact = nameof(PortalRole.PointOfContact);

    public static readonly IReadOnlyList<string> All = [SupportUnit, IrmResearcher, PointOfContact];
}
