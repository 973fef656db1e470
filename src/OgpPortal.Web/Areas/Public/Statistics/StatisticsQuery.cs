using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Reports;

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
/// Counts over public data only (published and closed plans, their commitments, published IRM reports),
/// each a GROUP BY in the database.
/// </summary>
public sealed class StatisticsQuery(PortalDbContext db, PublicFindings findings) : IFeatureService
{
    private static readonly string NoneReported = Localizable.Text("No progress reported");

    public static readonly IReadOnlyList<string> Keys = ["plans", "policy-areas", "regions", "progress", "irm-completion", "early-results", "legacy-completion"];

    public async Task<IReadOnlyList<StatisticsTable>> AllAsync(CancellationToken cancellationToken)
    {
        var tables = new List<StatisticsTable>();
        foreach (var key in Keys)
        {
            tables.Add((await GetAsync(key, cancellationToken))!);
        }

        return tables;
    }

    /// <summary>One table by its key; null for an unknown key.</summary>
    public Task<StatisticsTable?> GetAsync(string key, CancellationToken cancellationToken) => key switch
    {
        "plans" => Nullable(PlansAsync(cancellationToken)),
        "policy-areas" => Nullable(PolicyAreasAsync(cancellationToken)),
        "regions" => Nullable(RegionsAsync(cancellationToken)),
        "progress" => Nullable(ProgressAsync(cancellationToken)),
        "irm-completion" => Nullable(IrmCompletionAsync(cancellationToken)),
        "early-results" => Nullable(EarlyResultsAsync(cancellationToken)),
        "legacy-completion" => Nullable(LegacyCompletionAsync(cancellationToken)),
        _ => Task.FromResult<StatisticsTable?>(null),
    };

    private static async Task<StatisticsTable?> Nullable(Task<StatisticsTable> table) => await table;

    private async Task<StatisticsTable> PlansAsync(CancellationToken cancellationToken)
    {
        var counts = await db.ActionPlans.AsNoTracking().WherePublic()
            .GroupBy(p => new { p.PeriodStart.Year, p.Status })
            .Select(g => new { g.Key.Year, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ActionPlanStatus[] statuses = [ActionPlanStatus.Published, ActionPlanStatus.Closed];
        var rows = counts.Select(c => c.Year).Distinct().Order()
            .Select(year => new StatisticsRow(
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                statuses.Select(s => counts.Where(c => c.Year == year && c.Status == s).Sum(c => c.Count)).ToList()))
            .ToList();
        return new("plans", Localizable.Text("Action plans by start year and status"), Localizable.Text("Published plans are being implemented; closed plans have ended."), Localizable.Text("Start year"), statuses.Select(s => s.Label()).ToList(), rows, RowsAreText: false);
    }

    private async Task<StatisticsTable> PolicyAreasAsync(CancellationToken cancellationToken)
    {
        // A commitment counts once under each top-level area it is tagged with, directly or by a sub-area.
        var counts = await PublicCommitments()
            .SelectMany(c => c.PolicyAreas, (c, a) => new { c.Id, Area = a.Parent != null ? a.Parent.Name : a.Name })
            .Distinct()
            .GroupBy(x => x.Area)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.CurrentCulture)
            .Select(c => new StatisticsRow(c.Key, [c.Count])).ToList();
        return new("policy-areas", Localizable.Text("Commitments by policy area"), Localizable.Text("Top-level areas of OGP's policy taxonomy; a commitment tagged with several areas counts under each."), Localizable.Text("Policy area"), [Localizable.Text("Commitments")], rows);
    }

    private async Task<StatisticsTable> RegionsAsync(CancellationToken cancellationToken)
    {
        var counts = await PublicCommitments().GroupBy(c => c.ActionPlan.Member.Region).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new("regions", Localizable.Text("Commitments by region"), Localizable.Text("OGP's four regions."), Localizable.Text("Region"), [Localizable.Text("Commitments")], EnumRows(counts));
    }

    private async Task<StatisticsTable> ProgressAsync(CancellationToken cancellationToken)
    {
        // The point of contact's latest self-assessed completion level per commitment.
        var counts = await PublicCommitments()
            .Select(c => new
            {
                Level = c.ProgressNotes.OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).Select(n => (CompletionLevel?)n.Completion).FirstOrDefault(),
            })
            .GroupBy(x => x.Level)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = new List<StatisticsRow> { new(NoneReported, [counts.Where(c => c.Key == null).Sum(c => c.Count)]) };
        rows.AddRange(Enum.GetValues<CompletionLevel>().Select(l => new StatisticsRow(EnumDisplay.Name(l), [counts.Where(c => c.Key == l).Sum(c => c.Count)])));
        return new("progress", Localizable.Text("Implementation progress"), Localizable.Text("Each commitment's completion level in its point of contact's latest progress note."), Localizable.Text("Completion level"), [Localizable.Text("Commitments")], rows);
    }

    private async Task<StatisticsTable> IrmCompletionAsync(CancellationToken cancellationToken)
    {
        var counts = await Assessments(ReportType.ResultsReport).Where(a => a.Completion != null)
            .GroupBy(a => a.Completion!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new("irm-completion", Localizable.Text("Completion assessed by the IRM"), Localizable.Text("Commitments by completion in the IRM's published Results Reports."), Localizable.Text("Completion"), [Localizable.Text("Commitments")], EnumRows(counts));
    }

    private async Task<StatisticsTable> EarlyResultsAsync(CancellationToken cancellationToken)
    {
        var current = await Assessments(ReportType.ResultsReport).Where(a => a.EarlyResults != null)
            .GroupBy(a => a.EarlyResults!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var legacy = await PublicLegacy().Where(l => l.DidItOpenGovernment != null)
            .GroupBy(l => l.DidItOpenGovernment!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = Enum.GetValues<EarlyResults>()
            .Select(e => new StatisticsRow(EnumDisplay.Name(e), [current.GetValueOrDefault(e), legacy.GetValueOrDefault(e)]))
            .ToList();
        return new("early-results", Localizable.Text("Did it open government?"), Localizable.Text("Early results in the IRM's published Results Reports, and the same question in its earlier end-of-term reports."), Localizable.Text("Early results"), [Localizable.Text("Results Reports"), Localizable.Text("Earlier IRM reports")], rows);
    }

    private async Task<StatisticsTable> LegacyCompletionAsync(CancellationToken cancellationToken)
    {
        var counts = await PublicLegacy()
            .Select(l => new { Level = l.CompletionAtEndOfTerm ?? l.CompletionAtProgressReport })
            .Where(x => x.Level != null)
            .GroupBy(x => x.Level!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new("legacy-completion", Localizable.Text("Completion in earlier IRM reports"), Localizable.Text("Plans assessed before 2021: completion at the end of term, else at the progress report (the IRM's legacy scale)."), Localizable.Text("Completion"), [Localizable.Text("Commitments")], EnumRows(counts));
    }

    private static List<StatisticsRow> EnumRows<T>(Dictionary<T, int> counts)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new StatisticsRow(EnumDisplay.Name(v), [counts.GetValueOrDefault(v)])).ToList();

    private IQueryable<Commitment> PublicCommitments() => db.Commitments.AsNoTracking().WherePublic();

    private IQueryable<CommitmentAssessment> Assessments(ReportType type) =>
        findings.PublishedReports().Where(r => r.Type == type).SelectMany(r => r.Assessments);

    private IQueryable<LegacyAssessment> PublicLegacy()
    {
        var ids = PublicCommitments().Select(c => c.Id);
        return db.LegacyAssessments.AsNoTracking().Where(l => ids.Contains(l.CommitmentId));
    }
}
