using System.Globalization;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Areas.Public.Statistics;

/// <summary>One line of a statistics table: a category and one count per series.</summary>
public sealed record StatisticsRow(string Label, IReadOnlyList<int> Values);

/// <summary>
/// The numbers behind one chart. The page shows them as a table (the chart's accessible source of truth),
/// the chart is drawn from that table, and <c>/statistics/{Key}.csv</c> gives the same numbers. Title, description,
/// headers and series are English (the CSV keeps them; the page shows them with <c>L.Text</c>);
/// <see cref="RowsAreText"/> says whether the rows' labels are English text too (an enum's names), not data shown
/// as entered (policy areas' names) or numbers (years).
/// </summary>
public sealed record StatisticsTable(string Key, string Title, string Description, string CategoryHeader, IReadOnlyList<string> Series, IReadOnlyList<StatisticsRow> Rows, string ChartType = "bar", bool RowsAreText = true)
{
    public int Total => Rows.Sum(r => r.Values.Sum());
}

/// <summary>
/// Counts over public data only (published and closed plans, their commitments, published IRM reports), taken
/// from the search's <see cref="CommitmentIndex"/> in one pass, for the plans and commitments the plan-level
/// criteria choose (<see cref="CommitmentSearchCriteria.PlanLevel"/>, tested by the search's
/// <see cref="CommitmentFilter"/>): a chart's commitments are the ones the search finds with the same criteria.
/// A commitment counts once per value it has: an IRM value found in two published reports counts once.
/// </summary>
public sealed class StatisticsQuery(CommitmentIndex index) : IFeatureService
{
    private static readonly string NoneReported = Localizable.Text("No progress reported");

    public static readonly IReadOnlyList<string> Keys = ["plans", "policy-areas", "regions", "progress", "irm-completion", "early-results", "legacy-completion"];

    /// <summary>Every table for the criteria's plan-level ones.</summary>
    public async Task<IReadOnlyList<StatisticsTable>> AllAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        var tally = await TallyAsync(criteria, cancellationToken);
        return [.. Keys.Select(k => Table(k, tally)!)];
    }

    /// <summary>One table by its key; null for an unknown key.</summary>
    public async Task<StatisticsTable?> GetAsync(string key, CommitmentSearchCriteria criteria, CancellationToken cancellationToken) =>
        Keys.Contains(key) ? Table(key, await TallyAsync(criteria, cancellationToken)) : null;

    private async Task<Tally> TallyAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = await index.CurrentAsync(cancellationToken);
        var planLevel = criteria.PlanLevel();
        // Kept with the index per criteria (the tables hold no language: the page translates their labels).
        var key = "statistics|" + planLevel.FiltersKey();
        if (snapshot.Derived.TryGet(key) is Tally kept)
        {
            return kept;
        }

        var tally = Count(snapshot, new CommitmentFilter(snapshot, planLevel));
        snapshot.Derived.Keep(key, tally, 100);
        return tally;
    }

    private static Tally Count(CommitmentIndexSnapshot snapshot, CommitmentFilter filter)
    {
        var tally = new Tally(snapshot);
        foreach (ref readonly var plan in snapshot.Plans.AsSpan())
        {
            if (filter.PlanFailures(plan) == 0)
            {
                tally.Add(plan);
            }
        }

        foreach (ref readonly var commitment in snapshot.Entries.AsSpan())
        {
            if (filter.Failures(commitment) == 0)
            {
                tally.Add(commitment);
            }
        }

        return tally;
    }

    private static StatisticsTable? Table(string key, Tally t) => key switch
    {
        "plans" => Plans(t),
        "policy-areas" => PolicyAreas(t),
        "regions" => new("regions", Localizable.Text("Commitments by region"), Localizable.Text("OGP's four regions."), Localizable.Text("Region"), [Localizable.Text("Commitments")], EnumRows<Region>(t.Regions)),
        "progress" => Progress(t),
        "irm-completion" => new("irm-completion", Localizable.Text("Completion assessed by the IRM"), Localizable.Text("Commitments by completion in the IRM's published Results Reports."), Localizable.Text("Completion"), [Localizable.Text("Commitments")], EnumRows<Completion>(t.Completions)),
        "early-results" => new("early-results", Localizable.Text("Did it open government?"), Localizable.Text("Early results in the IRM's published Results Reports, and the same question in its earlier end-of-term reports."), Localizable.Text("Early results"), [Localizable.Text("Results Reports"), Localizable.Text("Earlier IRM reports")],
            Enum.GetValues<EarlyResults>().Select(e => new StatisticsRow(EnumDisplay.Name(e), [t.EarlyResults[(int)e], t.OpenedGovernment[(int)e]])).ToList()),
        "legacy-completion" => new("legacy-completion", Localizable.Text("Completion in earlier IRM reports"), Localizable.Text("Plans assessed before 2021: completion at the end of term, else at the progress report (the IRM's legacy scale)."), Localizable.Text("Completion"), [Localizable.Text("Commitments")], EnumRows<LegacyCompletion>(t.LegacyCompletions)),
        _ => null,
    };

    private static StatisticsTable Plans(Tally t)
    {
        ActionPlanStatus[] statuses = [ActionPlanStatus.Published, ActionPlanStatus.Closed];
        var rows = t.Plans.Keys.Select(k => k.Year).Distinct().Order()
            .Select(year => new StatisticsRow(
                year.ToString(CultureInfo.InvariantCulture),
                statuses.Select(s => t.Plans.GetValueOrDefault((year, s))).ToList()))
            .ToList();
        return new("plans", Localizable.Text("Action plans by start year and status"), Localizable.Text("Published plans are being implemented; closed plans have ended."), Localizable.Text("Start year"), statuses.Select(s => s.Label()).ToList(), rows, RowsAreText: false);
    }

    private static StatisticsTable PolicyAreas(Tally t)
    {
        // A commitment counts once under each top-level area it is tagged with, directly or by a sub-area.
        var rows = t.Snapshot.PolicyAreas.Where(a => a.ParentId is null && t.Policies[a.Id] > 0)
            .Select(a => (a.Name, Count: t.Policies[a.Id]))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new StatisticsRow(a.Name, [a.Count])).ToList();
        return new("policy-areas", Localizable.Text("Commitments by policy area"), Localizable.Text("Top-level areas of OGP's policy taxonomy; a commitment tagged with several areas counts under each."), Localizable.Text("Policy area"), [Localizable.Text("Commitments")], rows);
    }

    private static StatisticsTable Progress(Tally t)
    {
        List<StatisticsRow> rows = [new(NoneReported, [t.NoProgress]), .. EnumRows<CompletionLevel>(t.Progress)];
        return new("progress", Localizable.Text("Implementation progress"), Localizable.Text("Each commitment's completion level in its point of contact's latest progress note."), Localizable.Text("Completion level"), [Localizable.Text("Commitments")], rows);
    }

    private static List<StatisticsRow> EnumRows<T>(int[] counts)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new StatisticsRow(EnumDisplay.Name(v), [counts[Convert.ToInt32(v, CultureInfo.InvariantCulture)]]))];

    /// <summary>Every table's counts, filled in the one pass over the chosen plans and commitments.</summary>
    private sealed class Tally(CommitmentIndexSnapshot snapshot)
    {
        public CommitmentIndexSnapshot Snapshot => snapshot;

        public Dictionary<(int Year, ActionPlanStatus Status), int> Plans { get; } = [];

        /// <summary>Indexed by policy area id (a commitment's areas include their parents).</summary>
        public int[] Policies { get; } = new int[snapshot.PolicyAreas.Count == 0 ? 1 : snapshot.PolicyAreas.Max(a => a.Id) + 1];

        public int[] Regions { get; } = EnumCounts.Slots<Region>();

        public int NoProgress { get; private set; }

        public int[] Progress { get; } = EnumCounts.Slots<CompletionLevel>();

        public int[] Completions { get; } = EnumCounts.Slots<Completion>();

        public int[] EarlyResults { get; } = EnumCounts.Slots<EarlyResults>();

        public int[] OpenedGovernment { get; } = EnumCounts.Slots<EarlyResults>();

        public int[] LegacyCompletions { get; } = EnumCounts.Slots<LegacyCompletion>();

        public void Add(in IndexedPlan plan) => Plans[(plan.StartYear, plan.Status)] = Plans.GetValueOrDefault((plan.StartYear, plan.Status)) + 1;

        public void Add(in IndexedCommitment c)
        {
            foreach (var area in c.Policies)
            {
                Policies[area]++;
            }

            Regions[(int)c.Region]++;
            if (c.Progress is { } progress)
            {
                Progress[(int)progress]++;
            }
            else
            {
                NoProgress++;
            }

            EnumCounts.AddBits(Completions, c.Completions);
            EnumCounts.AddBits(EarlyResults, c.EarlyResults);
            if (c.OpenedGovernment is { } opened)
            {
                OpenedGovernment[(int)opened]++;
            }

            if (c.LegacyCompletion is { } legacy)
            {
                LegacyCompletions[(int)legacy]++;
            }
        }
    }
}
