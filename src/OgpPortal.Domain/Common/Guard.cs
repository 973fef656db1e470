using OgpPortal.Domain.Access;

namespace OgpPortal.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException($"{what} is required.");
        }

        return value.Trim();
    }

    public static void Role(PortalRole actor, PortalRole required, string action)
    {
        if (actor != required)
        {
            throw new DomainRuleException($"Only {RoleNames.Describe(required)} may {action}.");
        }
    }
}
