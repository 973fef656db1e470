using System.Globalization;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.Search;

public enum CommitmentSort
{
    /// <summary>Best match first; only when words are searched for.</summary>
    Relevance,

    Title,

    Member,

    /// <summary>Commitments of the most recently started plans first.</summary>
    NewestPlan,

    /// <summary>By identifier: the open-data API's stable order, so that its pages do not shift.</summary>
    Identifier,
}

/// <summary>
/// What a person, the open-data API or a download searches public commitments for: the one definition of the
/// search criteria (issue 21). Every criterion is optional; several values of one criterion mean any of them
/// (two regions: commitments of either), different criteria must all hold. What each criterion means is written
/// once, in <see cref="CommitmentFilter"/> over the <see cref="CommitmentIndex"/>, and every surface builds one of these.
/// A value that names nothing (an unknown member) stays, and matches nothing: it never widens a search. The query-string names
/// of <see cref="ToQuery"/> are those of <c>/commitments</c>, so a search is a shareable address; the API names the
/// same criteria its own way (docs/api.md).
/// </summary>
public sealed record CommitmentSearchCriteria
{
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>At most this many values of one criterion are kept (the rest are left out).</summary>
    public const int MaxValues = 50;

    /// <summary>The one message when the words are too long, on the page and in the API.</summary>
    public const string QueryTooLong = "The words to search for must be 200 characters or fewer.";

    private readonly string? _q;
    private readonly IReadOnlyList<string> _members = [];
    private readonly IReadOnlyList<Region> _regions = [];
    private readonly IReadOnlyList<MemberKind> _kinds = [];
    private readonly IReadOnlyList<int> _policies = [];
    private readonly IReadOnlyList<ChallengeArea> _challenges = [];
    private readonly IReadOnlyList<int> _years = [];
    private readonly IReadOnlyList<Completion> _completions = [];
    private readonly IReadOnlyList<PotentialForResults> _potentials = [];
    private readonly IReadOnlyList<ActionPlanStatus> _planStatuses = [];
    private readonly int _page = 1;
    private readonly int _pageSize = DefaultPageSize;

    /// <summary>
    /// Words to find in the title, short title, problem, description or solution (every word, each also as the
    /// start of a longer word, case and accents folded). Longer than <see cref="MaxQueryLength"/> is refused
    /// (<see cref="Problem"/>), never cut.
    /// </summary>
    public string? Q
    {
        get => _q;
        init => _q = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Members, by code (e.g. <c>DK</c>).</summary>
    public IReadOnlyList<string> Members
    {
        get => _members;
        init => _members = Normalise(value?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToUpperInvariant()).Select(v => v.Length > 50 ? v[..50] : v));
    }

    public IReadOnlyList<Region> Regions { get => _regions; init => _regions = Defined(value); }

    public IReadOnlyList<MemberKind> Kinds { get => _kinds; init => _kinds = Defined(value); }

    /// <summary>Policy areas of OGP's taxonomy, by id; an area also finds the commitments tagged with one of its sub-areas.</summary>
    public IReadOnlyList<int> Policies { get => _policies; init => _policies = Normalise(value); }

    public IReadOnlyList<ChallengeArea> Challenges { get => _challenges; init => _challenges = Defined(value); }

    /// <summary>Years in the plan's implementation period (a 2023–2025 plan is found by 2023, 2024 and 2025).</summary>
    public IReadOnlyList<int> Years { get => _years; init => _years = Normalise(value); }

    /// <summary>Completion in the IRM's published Results Report.</summary>
    public IReadOnlyList<Completion> Completions { get => _completions; init => _completions = Defined(value); }

    /// <summary>Potential for results in the IRM's published Action Plan Review.</summary>
    public IReadOnlyList<PotentialForResults> Potentials { get => _potentials; init => _potentials = Defined(value); }

    /// <summary>The plan's status: published (being implemented) or closed; other statuses are never public.</summary>
    public IReadOnlyList<ActionPlanStatus> PlanStatuses
    {
        get => _planStatuses;
        init => _planStatuses = Defined(value?.Where(s => s is ActionPlanStatus.Published or ActionPlanStatus.Closed));
    }

    /// <summary>Flagged promising in the IRM's published Action Plan Review.</summary>
    public bool Promising { get; init; }

    /// <summary>A starred commitment by the IRM's legacy rule.</summary>
    public bool Starred { get; init; }

    /// <summary>The order asked for; null for the default (relevance when searching words, else newest plan).</summary>
    public CommitmentSort? Sort { get; init; }

    public int Page
    {
        get => _page;
        init => _page = Paging.Paging.Clamp(value);
    }

    public int PageSize
    {
        get => _pageSize;
        init => _pageSize = Math.Clamp(value, 1, MaxPageSize);
    }

    /// <summary>Whether to count the facets (the page does; the API and downloads do not).</summary>
    public bool WithFacets { get; init; } = true;

    /// <summary>Why these criteria cannot be searched for, or null: the same refusal on every surface.</summary>
    public string? Problem => Q is { Length: > MaxQueryLength } ? QueryTooLong : null;

    /// <summary>Whether any criterion narrows the search (the words or a filter).</summary>
    public bool IsNarrowed => Q is not null || Filters().Any();

    /// <summary>The order that applies: relevance only when there are words to rank by.</summary>
    public CommitmentSort EffectiveSort(bool hasWords) => Sort switch
    {
        null => hasWords ? CommitmentSort.Relevance : CommitmentSort.NewestPlan,
        CommitmentSort.Relevance when !hasWords => CommitmentSort.NewestPlan,
        { } s when Enum.IsDefined(s) => s,
        _ => CommitmentSort.NewestPlan,
    };

    /// <summary>The filters set, as query-string pairs (a criterion with several values gives several pairs).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Filters()
    {
        foreach (var (key, values) in FilterValues())
        {
            foreach (var value in values)
            {
                yield return new(key, value);
            }
        }
    }

    /// <summary>The filters set, as one text in one order: a key for what is kept per criteria.</summary>
    public string FiltersKey() => string.Join('&', Filters().Select(f => $"{f.Key}={f.Value}"));

    /// <summary>The criteria as query-string pairs (only those set), with another page or without one.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery(int? page = null)
    {
        if (Q is not null)
        {
            yield return new("q", Q);
        }

        foreach (var pair in Filters())
        {
            yield return pair;
        }

        if (Sort is { } sort)
        {
            yield return new("sort", sort.ToString());
        }

        if (page is > 1)
        {
            yield return new("page", page.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The same criteria without one value of one filter (a facet's "remove" link).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQueryWithout(string key, string? value = null) =>
        ToQuery().Where(p => p.Key != key || (value is not null && p.Value != value));

    /// <summary>Each filter's query-string name and its values as text.</summary>
    public IEnumerable<(string Key, IEnumerable<string> Values)> FilterValues()
    {
        yield return ("member", Members);
        yield return ("region", Regions.Select(r => r.ToString()));
        yield return ("kind", Kinds.Select(k => k.ToString()));
        yield return ("status", PlanStatuses.Select(s => s.ToString()));
        yield return ("policy", Policies.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        yield return ("challenge", Challenges.Select(c => c.ToString()));
        yield return ("year", Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        yield return ("completion", Completions.Select(c => c.ToString()));
        yield return ("potential", Potentials.Select(p => p.ToString()));
        yield return ("promising", Promising ? ["true"] : []);
        yield return ("starred", Starred ? ["true"] : []);
    }

    /// <summary>The criteria a plan has (member, region, kind, plan status, year): those the statistics take.</summary>
    public static readonly IReadOnlyList<string> PlanLevelKeys = ["member", "region", "kind", "status", "year"];

    /// <summary>These criteria's plan-level ones only (<see cref="PlanLevelKeys"/>), without words, order or page.</summary>
    public CommitmentSearchCriteria PlanLevel() => new() { Members = Members, Regions = Regions, Kinds = Kinds, PlanStatuses = PlanStatuses, Years = Years };

    /// <summary>Whether a criterion other than the plan-level ones is set (words, a commitment's own filter, an order or a page).</summary>
    public bool HasMoreThanPlanLevel => Q is not null || Sort is not null || Page > 1 || Filters().Any(f => !PlanLevelKeys.Contains(f.Key));

    /// <summary>Whether a filter's value is chosen (a facet's checkbox is ticked).</summary>
    public bool IsChosen(string key, string value) => FilterValues().Any(f => f.Key == key && f.Values.Contains(value));

    private static List<T> Normalise<T>(IEnumerable<T>? values) => values is null ? [] : [.. values.Distinct().Order().Take(MaxValues)];

    private static List<T> Defined<T>(IEnumerable<T>? values)
        where T : struct, Enum => Normalise(values?.Where(v => Enum.IsDefined(v)));
}
