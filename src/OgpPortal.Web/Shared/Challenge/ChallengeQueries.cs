using OgpPortal.Domain.Challenge;

namespace OgpPortal.Web.Shared.Challenge;

public static class ChallengeQueries
{
    /// <summary>Only what the public may see of the Open Gov Challenge: accepted entries.</summary>
    public static IQueryable<ChallengeEntry> WherePublic(this IQueryable<ChallengeEntry> entries) =>
        entries.Where(e => e.Status == ChallengeEntryStatus.Accepted);
}
