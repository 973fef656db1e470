using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Web.Shared.Csv;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Areas.Public.Statistics;

/// <summary>Public statistics: charts drawn from accessible tables, each table also as CSV.</summary>
[StandbyReads]
[Route("statistics")]
public sealed class StatisticsController(StatisticsQuery query) : PublicController
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await query.AllAsync(cancellationToken));

    [HttpGet("{chart}.csv")]
    public async Task<IActionResult> Csv(string chart, CancellationToken cancellationToken)
    {
        var table = await query.GetAsync(chart, cancellationToken);
        return table is null
            ? NotFound()
            : new CsvFileResult(
                $"{table.Key}.csv",
                [table.CategoryHeader, .. table.Series],
                table.Rows.Select(r => (string?[])[r.Label, .. r.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]).ToAsyncEnumerable());
    }
}
