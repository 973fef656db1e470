using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.Members;

public static class MemberQueries
{
    /// <summary>Members of a kind and region, each filter applied only when chosen.</summary>
    public static IQueryable<Member> OfKindAndRegion(this IQueryable<Member> members, MemberKind? kind, Region? region)
    {
        if (kind is { } k)
        {
            members = members.Where(m => m.Kind == k);
        }

        return region is { } r ? members.Where(m => m.Region == r) : members;
    }
}
