using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Shared.Search;

/// <summary>One commitment in the search results, with the words around the match when words were searched for.</summary>
public sealed record CommitmentSearchRow(
    int Id,
    string Identifier,
    string Title,
    string? ShortTitle,
    string MemberCode,
    string MemberName,
    int PlanId,
    int PlanNumber,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ChallengeArea? ChallengeArea)
{
    public IReadOnlyList<SnippetPart> Snippet { get; init; } = [];
}

/// <summary>One value of a facet: what is sent (<see cref="Value"/>), what is read, and how many results it would give.</summary>
public sealed record FacetValue(string Value, string Label, int Count);

/// <summary>
/// A facet: the criterion's query-string name, its label and its values with counts. The label is English (a
/// page shows it with <c>L.Text</c>); <see cref="ValuesAreText"/> says whether the values' labels are English
/// text to translate too (an enum's names), not names already said in the page's language (members' and
/// policy areas' names, <see cref="MemberNames"/> and the taxonomy's translations).
/// </summary>
public sealed record Facet(string Key, string Label, IReadOnlyList<FacetValue> Values, bool ValuesAreText = false)
{
}

/// <summary>A public record other than a commitment that the words found: the search box's "also found" above the results.</summary>
public sealed record FoundRecord(PublicRecordKind Kind, string Url, string Title, string MemberName, int PlanNumber, ReportType? ReportType)
{
    /// <summary>How many of each kind the page lists (it says how many more there are).</summary>
    public const int ShownPerKind = 5;
}

/// <summary>A facet's checkboxes as a search form shows them (the partial <c>_FacetChoices</c>).</summary>
public sealed record FacetChoices(Facet Facet, CommitmentSearchCriteria Criteria);

/// <summary>What dropping one criterion would give when nothing matches: its query-string name (<c>q</c> for the words) and the count.</summary>
public sealed record Loosening(string Key, int Count);

/// <summary>A page of results and, when asked for, the facets with their counts.</summary>
public sealed record CommitmentSearchResult(CommitmentSearchCriteria Criteria, CommitmentSort Sort, Page<CommitmentSearchRow> Page, IReadOnlyList<Facet> Facets)
{
    /// <summary>When nothing matches: the one criterion whose removal gives the most results, or null.</summary>
    public Loosening? Loosening { get; init; }

    /// <summary>Whether any criterion could not be read from the address (the page says so).</summary>
    public bool IgnoredCriteria { get; init; }

    /// <summary>The other public records the words find (members, plans, IRM reports, Challenge entries), in that order.</summary>
    public IReadOnlyList<FoundRecord> AlsoFound { get; init; } = [];

    public Facet? Facet(string key) => Facets.FirstOrDefault(f => f.Key == key);
}

/// <summary>What one pass found for some criteria and order: the positions in order, the facets' counts, the loosening.</summary>
internal sealed record PassResult(int[] Ordered, CommitmentSearch.FacetCounts? Counts, Loosening? Loosening)
{
    public static readonly PassResult Nothing = new([], null, null);

    public int Total => Ordered.Length;

    public List<int> PageOf(CommitmentIndexSnapshot snapshot, int number, int size) =>
        [.. Ordered.Skip((int)Math.Min(int.MaxValue, (long)(number - 1) * size)).Take(size).Select(p => snapshot.Entries[p].Id)];

    public List<int> All(CommitmentIndexSnapshot snapshot) => [.. Ordered.Select(p => snapshot.Entries[p].Id)];

    /// <summary>The facets as shown, per language (their labels and order depend on it), made once per kept result.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Facet>> ShownFacets { get; } = new(StringComparer.Ordinal);
}

/// <summary>The commitments matching some criteria, in the order asked for: a page of their ids and the total.</summary>
public sealed record CommitmentMatches(IReadOnlyList<int> Ids, int TotalCount);

/// <summary>
/// Searches the commitments of public plans (published or closed) for every surface: <c>/commitments</c>, the
/// open-data API and the open-data downloads (ADR 0007, ADR 0019). Words go to the database's full-text index
/// (<see cref="ICommitmentTextSearch"/>) once per set of words; every other criterion, every facet count and
/// every order is answered by the in-memory <see cref="CommitmentIndex"/> in one pass over the candidates, and
/// only the page's rows are read from the database. A facet is counted with all the other criteria applied but
/// not its own, so its counts say what choosing another value would give.
/// </summary>
public sealed class CommitmentSearch(PortalDbContext db, CommitmentIndex index, ICommitmentTextSearch textSearch, ReadRouting routing, IStringLocalizer<SharedResource> localizer) : IFeatureService
{
    public async Task<CommitmentSearchResult> SearchAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = await index.CurrentAsync(cancellationToken);
        var terms = SearchTerms.Parse(criteria.Q);
        var sort = criteria.EffectiveSort(!terms.IsEmpty);
        var pass = await PassAsync(snapshot, criteria, terms, sort, cancellationToken);

        var pageIds = pass.PageOf(snapshot, criteria.Page, criteria.PageSize);
        var rows = await RowsAsync(pageIds, terms, cancellationToken);
        var page = new Page<CommitmentSearchRow>(rows, criteria.Page, criteria.PageSize, pass.Total);
        var facets = criteria.WithFacets ? ShownFacets(snapshot, pass) : [];
        return new CommitmentSearchResult(criteria, sort, page, facets) { Loosening = pass.Loosening, AlsoFound = AlsoFound(snapshot, criteria, terms) };
    }

    /// <summary>
    /// The members, plans, IRM reports and Challenge entries the words find, for a search of words alone on its
    /// first page (what the site's search box sends); a search narrowed by a filter is about commitments only.
    /// </summary>
    private static IReadOnlyList<FoundRecord> AlsoFound(CommitmentIndexSnapshot snapshot, CommitmentSearchCriteria criteria, SearchTerms terms)
    {
        if (terms.IsEmpty || criteria.Page > 1 || criteria.Filters().Any() || criteria.Problem is not null)
        {
            return [];
        }

        return [.. snapshot.RecordsMatching(terms).Select(r =>
        {
            var member = snapshot.Members[r.Member];
            var url = r.Kind switch
            {
                PublicRecordKind.Member => $"/members/{member.Code}",
                PublicRecordKind.ActionPlan => $"/action-plans/{r.Id}",
                PublicRecordKind.IrmReport => $"/reports/{r.Id}",
                _ => $"/challenge/{r.Id}",
            };
            return new FoundRecord(r.Kind, url, r.Title, member.Name, r.PlanNumber, r.ReportType);
        })];
    }

    /// <summary>The ids of a page of matches (the API), or of every match when <paramref name="all"/> (the downloads).</summary>
    public async Task<CommitmentMatches> MatchAsync(CommitmentSearchCriteria criteria, bool all, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = await index.CurrentAsync(cancellationToken);
        var terms = SearchTerms.Parse(criteria.Q);
        var pass = await PassAsync(snapshot, criteria with { WithFacets = false }, terms, criteria.EffectiveSort(!terms.IsEmpty), cancellationToken);
        return new CommitmentMatches(all ? pass.All(snapshot) : pass.PageOf(snapshot, criteria.Page, criteria.PageSize), pass.Total);
    }

    /// <summary>The facets of a search without its results (the statistics page's choices).</summary>
    public async Task<IReadOnlyList<Facet>> FacetsAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = await index.CurrentAsync(cancellationToken);
        var terms = SearchTerms.Parse(criteria.Q);
        var pass = await PassAsync(snapshot, criteria with { WithFacets = true }, terms, criteria.EffectiveSort(!terms.IsEmpty), cancellationToken);
        return ShownFacets(snapshot, pass);
    }

    /// <summary>The public commitment with this identifier (any case), when the words typed are just that.</summary>
    public async Task<string?> IdentifierTypedAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Q is not { Length: <= 20 } q || q.Any(char.IsWhiteSpace) || !q.Any(char.IsDigit))
        {
            return null;
        }

        return (await index.CurrentAsync(cancellationToken)).WithIdentifier(q)?.Identifier;
    }

    /// <summary>
    /// The commitments matching, ordered, with the facets' counts: from the index's results kept for the same
    /// criteria and order (<see cref="CommitmentIndexSnapshot.Passes"/>), or one pass over the candidates.
    /// </summary>
    private async Task<PassResult> PassAsync(CommitmentIndexSnapshot snapshot, CommitmentSearchCriteria criteria, SearchTerms terms, CommitmentSort sort, CancellationToken cancellationToken)
    {
        if (criteria.Problem is not null)
        {
            return PassResult.Nothing;
        }

        // A standby's answer may be a moment behind the index (built from the primary): used, never kept.
        // So may SQL Server's full-text index, filled in the background after a commit.
        var keep = routing.ReadsStandby != true && textSearch.MatchesAtCommit;
        var key = $"{sort}|{criteria.WithFacets}|{CommitmentIndexSnapshot.WordsKey(terms)}|{criteria.FiltersKey()}";
        if (keep && snapshot.Passes.TryGet(key) is { } kept)
        {
            return kept;
        }

        var matches = terms.IsEmpty ? null : await snapshot.TextMatchesAsync(textSearch, terms, keep, cancellationToken);
        var pass = new Pass(snapshot, new CommitmentFilter(snapshot, criteria), matches, sort, criteria.WithFacets);
        pass.Run();
        var result = pass.Result(criteria);
        if (keep)
        {
            snapshot.Passes.Keep(key, result, result.Ordered.Length);
        }

        return result;
    }

    private async Task<IReadOnlyList<CommitmentSearchRow>> RowsAsync(List<int> ids, SearchTerms terms, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // The page's rows only; the index has already filtered and ordered them (public plans checked again here).
        var read = await db.Commitments.AsNoTracking().WherePublic().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                Row = new CommitmentSearchRow(
                    c.Id, c.Identifier, c.Title, c.ShortTitle, c.ActionPlan.Member.Code, c.ActionPlan.Member.Name,
                    c.ActionPlanId, c.ActionPlan.Number, c.ActionPlan.PeriodStart, c.ActionPlan.PeriodEnd, c.ChallengeArea),
                Problem = terms.IsEmpty ? null : c.Problem,
                Description = terms.IsEmpty ? null : c.Description,
                Solution = terms.IsEmpty ? null : c.Solution,
            })
            .ToListAsync(cancellationToken);
        var byId = read.ToDictionary(r => r.Row.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => terms.IsEmpty
            ? r.Row
            : r.Row with { Snippet = Snippet.Of(terms, r.Row.ShortTitle, r.Description, r.Problem, r.Solution) })];
    }

    private IReadOnlyList<Facet> ShownFacets(CommitmentIndexSnapshot snapshot, PassResult pass) =>
        pass.Counts is not { } counts ? [] : pass.ShownFacets.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Facets(snapshot, counts));

    private List<Facet> Facets(CommitmentIndexSnapshot snapshot, FacetCounts counts) =>
    [
        new("member", Localizable.Text("Member"), counts.Members.Select((n, i) => (n, i)).Where(x => x.n > 0)
            .Select(x => new FacetValue(snapshot.Members[x.i].Code, MemberNames.Of(snapshot.Members[x.i].Name), x.n)).OrderBy(v => v.Label, StringComparer.CurrentCulture).ToList()),
        EnumFacet<Region>("region", Localizable.Text("Region"), counts.Regions),
        EnumFacet<MemberKind>("kind", Localizable.Text("Kind of member"), counts.Kinds),
        new("status", Localizable.Text("Action plan"), [
            new FacetValue(nameof(ActionPlanStatus.Published), Localizable.Text("Being implemented"), counts.Statuses[(int)ActionPlanStatus.Published]),
            new FacetValue(nameof(ActionPlanStatus.Closed), Localizable.Text("Closed"), counts.Statuses[(int)ActionPlanStatus.Closed])], ValuesAreText: true),
        new("policy", Localizable.Text("Policy area"), snapshot.PolicyAreas.Where(a => counts.Policies[a.Id] > 0)
            .Select(a => new FacetValue(a.Id.ToString(CultureInfo.InvariantCulture), localizer.Text(a.Name), counts.Policies[a.Id])).OrderBy(v => v.Label, StringComparer.CurrentCulture).ToList()),
        EnumFacet<ChallengeArea>("challenge", Localizable.Text("Open Gov Challenge area"), counts.Challenges),
        new("year", Localizable.Text("Year of implementation"), Enumerable.Range(snapshot.FirstYear, counts.Years.Length).Reverse().Where(y => counts.Years[y - snapshot.FirstYear] > 0)
            .Select(y => new FacetValue(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), counts.Years[y - snapshot.FirstYear])).ToList()),
        EnumFacet<Completion>("completion", Localizable.Text("Completion (IRM Results Report)"), counts.Completions),
        EnumFacet<PotentialForResults>("potential", Localizable.Text("Potential for results (IRM)"), counts.Potentials),
        new("promising", Localizable.Text("Promising (IRM)"), [new FacetValue("true", Localizable.Text("Promising"), counts.Promising)]),
        new("starred", Localizable.Text("Starred (IRM, legacy)"), [new FacetValue("true", Localizable.Text("Starred"), counts.Starred)]),
    ];

    /// <summary>Every value of the enum in its order, with its count (0 when none), so the choices stay put.</summary>
    private static Facet EnumFacet<T>(string key, string label, int[] counts)
        where T : struct, Enum =>
        new(key, label, Enum.GetValues<T>().Select(v => new FacetValue(v.ToString(), EnumDisplay.Name(v), counts[Convert.ToInt32(v, CultureInfo.InvariantCulture)])).ToList(), ValuesAreText: true);

    /// <summary>Every facet's counts, filled in the one pass.</summary>
    internal sealed class FacetCounts(CommitmentIndexSnapshot snapshot)
    {
        public int[] Members { get; } = new int[snapshot.Members.Count];

        public int[] Regions { get; } = EnumCounts.Slots<Region>();

        public int[] Kinds { get; } = EnumCounts.Slots<MemberKind>();

        public int[] Statuses { get; } = EnumCounts.Slots<ActionPlanStatus>();

        /// <summary>Indexed by policy area id.</summary>
        public int[] Policies { get; } = new int[snapshot.PolicyAreas.Count == 0 ? 1 : snapshot.PolicyAreas.Max(a => a.Id) + 1];

        public int[] Challenges { get; } = EnumCounts.Slots<ChallengeArea>();

        /// <summary>Indexed by year − <see cref="CommitmentIndexSnapshot.FirstYear"/>.</summary>
        public int[] Years { get; } = new int[snapshot.LastYear - snapshot.FirstYear + 1];

        public int[] Completions { get; } = EnumCounts.Slots<Completion>();

        public int[] Potentials { get; } = EnumCounts.Slots<PotentialForResults>();

        public int Promising { get; private set; }

        public int Starred { get; private set; }

        /// <summary>Counts the commitment in every facet (<paramref name="only"/> -1) or in facet <paramref name="only"/> alone.</summary>
        public void Add(in IndexedCommitment c, int only)
        {
            if (only is -1 or 0)
            {
                Members[c.Member]++;
            }

            if (only is -1 or 1)
            {
                Regions[(int)c.Region]++;
            }

            if (only is -1 or 2)
            {
                Kinds[(int)c.Kind]++;
            }

            if (only is -1 or 3)
            {
                Statuses[(int)c.Status]++;
            }

            if (only is -1 or 4)
            {
                foreach (var area in c.Policies)
                {
                    Policies[area]++;
                }
            }

            if ((only is -1 or 5) && c.Challenge is { } challenge)
            {
                Challenges[(int)challenge]++;
            }

            if (only is -1 or 6)
            {
                for (var year = c.StartYear; year <= c.EndYear; year++)
                {
                    Years[year - snapshot.FirstYear]++;
                }
            }

            if (only is -1 or 7)
            {
                EnumCounts.AddBits(Completions, c.Completions);
            }

            if (only is -1 or 8)
            {
                EnumCounts.AddBits(Potentials, c.Potentials);
            }

            if ((only is -1 or 9) && c.Promising)
            {
                Promising++;
            }

            if ((only is -1 or 10) && c.Starred)
            {
                Starred++;
            }
        }
    }

    /// <summary>One pass over the candidates (the word matches, or every public commitment): results, facets and loosening counts together.</summary>
    private sealed class Pass(CommitmentIndexSnapshot snapshot, CommitmentFilter filter, TextMatchSet? matches, CommitmentSort sort, bool withFacets)
    {
        private readonly List<(int Position, double Score)> _results = [];
        private readonly int[] _alone = new int[CommitmentFilter.Keys.Length];

        public FacetCounts Counts { get; } = new(snapshot);

        public void Run()
        {
            var entries = snapshot.Entries;
            var count = matches?.Count ?? entries.Length;
            for (var i = 0; i < count; i++)
            {
                var position = matches is null ? i : matches.Positions[i];
                ref readonly var c = ref entries[position];
                var failures = filter.Failures(c);
                if (failures == 0)
                {
                    _results.Add((position, matches is null ? 0 : matches.Scores[i]));
                    if (withFacets)
                    {
                        Counts.Add(c, -1);
                    }
                }
                else if (BitOperations.IsPow2(failures))
                {
                    // Fails one criterion only: it counts in that criterion's facet, and in what dropping it would give.
                    var only = BitOperations.TrailingZeroCount(failures);
                    _alone[only]++;
                    if (withFacets)
                    {
                        Counts.Add(c, only);
                    }
                }
            }
        }

        /// <summary>What the pass found, ordered, to keep and to page through.</summary>
        public PassResult Result(CommitmentSearchCriteria criteria) =>
            new([.. Ordered()], withFacets ? Counts : null, _results.Count == 0 ? Loosening(criteria) : null);

        /// <summary>The criterion whose removal alone gives the most results (the words when they do).</summary>
        private Loosening? Loosening(CommitmentSearchCriteria criteria)
        {
            var best = Enumerable.Range(0, CommitmentFilter.Keys.Length).Where(i => _alone[i] > 0)
                .Select(i => new Loosening(CommitmentFilter.Keys[i], _alone[i])).MaxBy(l => l.Count);
            if (matches is not null)
            {
                var withoutWords = 0;
                foreach (ref readonly var e in snapshot.Entries.AsSpan())
                {
                    if (filter.Failures(e) == 0)
                    {
                        withoutWords++;
                    }
                }

                if (withoutWords > 0 && (best is null || withoutWords >= best.Count))
                {
                    best = new Loosening("q", withoutWords);
                }
            }

            return criteria.IsNarrowed ? best : null;
        }

        private IEnumerable<int> Ordered()
        {
            switch (sort)
            {
                case CommitmentSort.Relevance:
                    _results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Position.CompareTo(b.Position));
                    return _results.Select(r => r.Position);
                case CommitmentSort.Identifier:
                    return _results.Select(r => r.Position);
                default:
                    var chosen = new bool[snapshot.Count];
                    foreach (var (position, _) in _results)
                    {
                        chosen[position] = true;
                    }

                    var order = sort switch
                    {
                        CommitmentSort.Title => snapshot.ByTitle,
                        CommitmentSort.Member => snapshot.ByMember,
                        _ => snapshot.ByNewest,
                    };
                    return order.Where(p => chosen[p]);
            }
        }
    }
}
