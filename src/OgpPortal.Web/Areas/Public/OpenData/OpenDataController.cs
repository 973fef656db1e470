using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Web.Shared.Csv;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.Web.Areas.Public.OpenData;

/// <summary>
/// The open data page: every public record as CSV and JSON, streamed from the database, with the data
/// dictionary read from the record classes (docs/decisions/0008-open-data-and-public-api.md).
/// </summary>
[StandbyReads]
[Route("data")]
[EnableCors(OpenDataHosting.CorsPolicy)]
public sealed class OpenDataController(PublicData data, OgpDataExporter ogpExport) : PublicController
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
        "commitments" => Csv(name, data.CommitmentRecords()),
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
        "commitments" => Json(name, data.CommitmentRecords()),
        "milestones" => Json(name, data.MilestoneRecords()),
        "irm-assessments" => Json(name, data.AssessmentRecords()),
        "challenge-entries" => Json(name, data.ChallengeEntryRecords()),
        _ => NotFound(),
    };

    private static CsvFileResult Csv<T>(string name, IQueryable<T> records)
        where T : class => OpenDataCatalog.CsvFile($"ogp-{name}.csv", records);

    private static JsonStreamResult<T> Json<T>(string name, IQueryable<T> records) => new($"ogp-{name}.json", records.AsAsyncEnumerable());
}
