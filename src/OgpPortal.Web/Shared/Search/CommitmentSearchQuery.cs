using System.Globalization;
using Microsoft.Extensions.Primitives;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.Search;

/// <summary>
/// Reads the criteria of a search from the address of <c>/commitments</c> (and of the downloads of its results,
/// which take the same address). A value that cannot be read (an unknown region, a year that is not a number) is
/// left out and reported through <see cref="Read"/>'s <c>ignored</c>, never an error.
/// </summary>
public static class CommitmentSearchQuery
{
    public static CommitmentSearchCriteria Read(IQueryCollection query, out bool ignored)
    {
        ArgumentNullException.ThrowIfNull(query);
        var unread = false;
        List<T> Enums<T>(string key)
            where T : struct, Enum
        {
            var values = new List<T>();
            foreach (var text in Values(query, key))
            {
                if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
                {
                    values.Add(value);
                }
                else
                {
                    unread = true;
                }
            }

            return values;
        }

        List<int> Numbers(string key)
        {
            var values = new List<int>();
            foreach (var text in Values(query, key))
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    unread = true;
                }
            }

            return values;
        }

        bool Flag(string key) => Values(query, key).Any(v => v is "true" or "on");

        var sort = Enums<CommitmentSort>("sort");
        var page = Numbers("page");
        var criteria = new CommitmentSearchCriteria
        {
            Q = query["q"].FirstOrDefault(),
            Members = [.. Values(query, "member")],
            Regions = Enums<Region>("region"),
            Kinds = Enums<MemberKind>("kind"),
            PlanStatuses = Enums<ActionPlanStatus>("status"),
            Policies = Numbers("policy"),
            Challenges = Enums<ChallengeArea>("challenge"),
            Years = Numbers("year"),
            Completions = Enums<Completion>("completion"),
            Potentials = Enums<PotentialForResults>("potential"),
            Promising = Flag("promising"),
            Starred = Flag("starred"),
            Sort = sort.Count > 0 ? sort[0] : null,
            Page = page.Count > 0 ? page[0] : 1,
        };
        ignored = unread;
        return criteria;
    }

    private static IEnumerable<string> Values(IQueryCollection query, string key) =>
        query.TryGetValue(key, out StringValues values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()) : [];
}
