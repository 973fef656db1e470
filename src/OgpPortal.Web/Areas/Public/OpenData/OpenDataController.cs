using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Web.Shared.Csv;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.OpenData;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Areas.Public.OpenData;

/// <summary>
/// The open data page: every public record as CSV and JSON, streamed from the database, with the data
/// dictionary read from the record classes (docs/decisions/0008-open-data-and-public-api.md).
/// </summary>
[StandbyReads]
[Route("data")]
[EnableCors(OpenDataHosting.CorsPolicy)]
public sealed class OpenDataController(PublicData data, OgpDataExporter ogpExport, CommitmentSearch search) : PublicController
{
    [HttpGet("")]
    public IActionResult Index() => View(OpenDataCatalog.Datasets);

    /// <summary>The commitments of published and closed plans in OGP's own layout (docs/data-interchange.md).</summary>
    [HttpGet("ogp-commitments-export.csv")]
    public IActionResult OgpLayout() =>
        new CsvFileResult("ogp-commitments-export.csv", OgpDataExporter.Header, ogpExport.RowsAsync(publicOnly: true, HttpContext.RequestAborted));

    [HttpGet("{name}.csv")]
    public IActionResult Csv(string name) => name switch
    {
        "members" => Csv(name, data.MemberRecords()),
        "action-plans" => Csv(name, data.ActionPlanRecords()),
        "commitments" when SearchProblem() is { } problem => BadRequest(problem),
        "commitments" => OpenDataCatalog.CsvFile($"ogp-{name}.csv", Commitments()),
        "milestones" => Csv(name, data.MilestoneRecords()),
        "irm-assessments" => Csv(name, data.AssessmentRecords()),
        "challenge-entries" => Csv(name, data.ChallengeEntryRecords()),
        _ => NotFound(),
    };

    [HttpGet("{name}.json")]
    public IActionResult Json(string name) => name switch
    {
        "members" => Json(name, data.MemberRecords()),
        "action-plans" => Json(name, data.ActionPlanRecords()),
        "commitments" when SearchProblem() is { } problem => BadRequest(problem),
        "commitments" => new JsonStreamResult<CommitmentRecord>($"ogp-{name}.json", Commitments()),
        "milestones" => Json(name, data.MilestoneRecords()),
        "irm-assessments" => Json(name, data.AssessmentRecords()),
        "challenge-entries" => Json(name, data.ChallengeEntryRecords()),
        _ => NotFound(),
    };

    /// <summary>
    /// Every public commitment, or those of a search when the address holds its criteria (the search page's
    /// "download these results": the same names and meanings as <c>/commitments</c>, one filter for both).
    /// </summary>
    /// <summary>Why the search in the address cannot be run (words over the limit), as on the page and in the API.</summary>
    private string? SearchProblem() => CommitmentSearchQuery.Read(Request.Query, out _).Problem;

    private IAsyncEnumerable<CommitmentRecord> Commitments()
    {
        var criteria = CommitmentSearchQuery.Read(Request.Query, out _) with { Sort = CommitmentSort.Identifier, WithFacets = false };
        return criteria.IsNarrowed ? Searched(criteria, HttpContext.RequestAborted) : data.CommitmentRecords().AsAsyncEnumerable();
    }

    private async IAsyncEnumerable<CommitmentRecord> Searched(CommitmentSearchCriteria criteria, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = await search.MatchAsync(criteria, all: true, cancellationToken);
        foreach (var chunk in matches.Ids.Chunk(500))
        {
            foreach (var record in await data.CommitmentRecordsAsync(chunk, cancellationToken))
            {
                yield return record;
            }
        }
    }

    private static CsvFileResult Csv<T>(string name, IQueryable<T> records)
        where T : class => OpenDataCatalog.CsvFile($"ogp-{name}.csv", records);

    private static JsonStreamResult<T> Json<T>(string name, IQueryable<T> records) => new($"ogp-{name}.json", records.AsAsyncEnumerable());
}
