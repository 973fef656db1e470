using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Web.Shared.Csv;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Areas.Public.Statistics;

/// <summary>The statistics page: its tables, for the plan-level criteria of its address, and the choices to narrow them.</summary>
public sealed record StatisticsPage(CommitmentSearchCriteria Criteria, IReadOnlyList<StatisticsTable> Tables, IReadOnlyList<Facet> Facets, bool IgnoredCriteria);

/// <summary>
/// Public statistics: charts drawn from accessible tables, each table also as CSV, for every public plan or for
/// those the address chooses with the search's plan-level criteria (member, region, kind, plan status, year;
/// the same names and meanings as <c>/commitments</c>).
/// </summary>
[StandbyReads]
[Route("statistics")]
public sealed class StatisticsController(StatisticsQuery query, CommitmentSearch search) : PublicController
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var criteria = Criteria(out var ignored);
        if (ignored || Request.QueryString != QueryString.Create(criteria.ToQuery()))
        {
            // Only the page's own address for what it shows is kept in the cache (these addresses vary freely).
            PublicPageCache.DoNotStore(HttpContext);
        }

        var tables = await query.AllAsync(criteria, cancellationToken);
        var facets = (await search.FacetsAsync(criteria, cancellationToken)).Where(f => CommitmentSearchCriteria.PlanLevelKeys.Contains(f.Key)).ToList();
        return View(new StatisticsPage(criteria, tables, facets, ignored));
    }

    [HttpGet("{chart}.csv")]
    public async Task<IActionResult> Csv(string chart, CancellationToken cancellationToken)
    {
        var table = await query.GetAsync(chart, Criteria(out _), cancellationToken);
        return table is null
            ? NotFound()
            : new CsvFileResult(
                $"{table.Key}.csv",
                [table.CategoryHeader, .. table.Series],
                table.Rows.Select(r => (string?[])[r.Label, .. r.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]).ToAsyncEnumerable());
    }

    /// <summary>The address's plan-level criteria; anything else in it (words, a commitment's own filter) is left out and said so.</summary>
    private CommitmentSearchCriteria Criteria(out bool ignored)
    {
        var read = CommitmentSearchQuery.Read(Request.Query, out ignored);
        ignored |= read.HasMoreThanPlanLevel;
        return read.PlanLevel();
    }
}
