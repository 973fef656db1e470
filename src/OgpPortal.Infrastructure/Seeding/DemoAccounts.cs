using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>The demo accounts created in Development. Their password comes from <c>Seed:DemoPassword</c>.</summary>
public static class DemoAccounts
{
    public const string SupportUnit = "su@ogp.test";
    public const string IrmResearcher = "irm@ogp.test";
    public const string PocNorway = "poc.norway@ogp.test";
    public const string PocKenya = "poc.kenya@ogp.test";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string Note)> All =
    [
        (SupportUnit, "Sofia Alvarez (Support Unit)", PortalRoles.SupportUnit, "Support Unit"),
        (IrmResearcher, "Ingrid Madsen (IRM)", PortalRoles.IrmResearcher, "IRM researcher, assigned to Denmark's 2017–2019 plan"),
        (PocNorway, "Nils Berg (Norway)", PortalRoles.PointOfContact, "point of contact for Norway"),
        (PocKenya, "Wanjiru Kamau (Kenya)", PortalRoles.PointOfContact, "point of contact for Kenya"),
    ];
}
