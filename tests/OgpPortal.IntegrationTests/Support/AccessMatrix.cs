using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>The people the access matrix asks for every endpoint. Member A is Norway, member B Kenya.</summary>
public enum Principal
{
    Anonymous,
    PocOfA,
    PocOfB,
    IrmAssigned,
    IrmNotAssigned,
    SupportUnit,
}

/// <summary>What a principal gets from an endpoint.</summary>
public enum Outcome
{
    /// <summary>Let through: a page, a file, a redirect after the action, or the form again with a message.</summary>
    Ok,

    /// <summary>Sent to the sign-in page (302 to /account/login).</summary>
    Login,

    /// <summary>403 with the friendly page.</summary>
    Forbidden,

    /// <summary>404: the record is not there for this principal (unpublished records on public pages).</summary>
    NotFound,
}

/// <summary>One line of the matrix: an endpoint (method and route pattern), who may use it, and the addresses to try.</summary>
/// <param name="Urls">Addresses with <c>{record}</c> placeholders from <see cref="MatrixRecords"/>.</param>
public sealed record MatrixRow(string Method, string Pattern, Outcome[] Expected, params string[] Urls)
{
    public string Endpoint => $"{Method} /{Pattern}";
}

/// <summary>
/// The records the matrix points its addresses at, made beside the demo data: Norway's (member A) unpublished
/// plan, commitment and Challenge entry carry <see cref="DraftMarker"/>; the draft IRM report on Norway's
/// closed plan carries <see cref="ReportMarker"/>. Neither marker may reach a principal outside their scope.
/// </summary>
public sealed class MatrixRecords
{
    public const string DraftMarker = "MATRIX-UNPUBLISHED-7Q3";
    public const string ReportMarker = "MATRIX-IRM-DRAFT-5K8";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? NotAssignedResearcherEmail { get; private set; }

    /// <summary>The id (or code) of one of the records, by its name in the addresses.</summary>
    public string this[string name] => _values[name];

    public string Fill(string url)
    {
        var result = url;
        foreach (var (key, value) in _values)
        {
            result = result.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        if (result.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The matrix address {url} names a record that was not made.");
        }

        return "/" + result;
    }

    public static async Task<MatrixRecords> MakeAsync(PortalAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var records = new MatrixRecords();
        var researcher = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        var person = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        records.NotAssignedResearcherEmail = researcher.Email;
        records._values["person"] = person.Id;

        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var norway = await db.Members.SingleAsync(m => m.Code == "NO");
            var draft = ActionPlan.CreateDraft(norway, 9, $"Norway's unpublished plan {DraftMarker}", new DateOnly(2029, 1, 1), new DateOnly(2030, 12, 31));
            var secret = draft.AddCommitment(CommitmentIdentifier.Create("NO", 901), new CommitmentText($"Unpublished commitment {DraftMarker}", null, null, null, null, "Ministry of Digitalisation", null, null, null));
            var spare = draft.AddCommitment(CommitmentIdentifier.Create("NO", 902), new CommitmentText($"Spare commitment {DraftMarker}", null, null, null, null, "Ministry of Digitalisation", null, null, null));
            db.ActionPlans.Add(draft);
            var entry = ChallengeEntry.Draft(norway, new ChallengeEntryText($"Draft Challenge entry {DraftMarker}", null, ChallengeArea.Justice, Participation.StandaloneCommitment, null, GovernmentLevel.National, null, "Ministry of Justice", OgpValues.None), [("Law in force", new DateOnly(2029, 6, 30))]);
            db.ChallengeEntries.Add(entry);

            var closedId = await db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 4).Select(p => p.Id).SingleAsync();
            var closed = (await db.LoadPlanAsync(closedId, CancellationToken.None))!;
            var draftReport = IrmReport.Start(closed, ReportType.ResultsReport);
            draftReport.UpdateText($"Draft findings {ReportMarker}", null, null);
            var review = IrmReport.Start(closed, ReportType.ActionPlanReview);
            review.UpdateText("A review open for comment.", null, null);
            review.Assess(closed.Commitments.OrderBy(c => c.Position).First(), new AssessmentValues(Verifiable: true, Potential: PotentialForResults.Modest));
            review.OpenForComment(PortalRole.IrmResearcher, "Only the commitments this test needs are assessed.");
            var reviewComment = review.Comment(PortalRole.PointOfContact, "Nils Berg", "Please say which agencies took part.", now);
            db.IrmReports.AddRange(draftReport, review);
            var irmId = await db.Users.Where(u => u.Email == DemoAccounts.IrmResearcher).Select(u => u.Id).SingleAsync();
            db.ResearcherAssignments.Add(new ResearcherAssignment { ActionPlanId = closedId, UserId = irmId, AssignedAt = now });
            await db.SaveChangesAsync();

            var consulting = await db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => new { p.Id, Meeting = p.ForumMeetings.Select(m => m.Id).First() }).SingleAsync();
            var comments = await db.ConsultationComments.Where(c => c.Consultation.ActionPlanId == consulting.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var kenya = await db.ActionPlans.Where(p => p.Member.Code == "KE" && p.Number == 5).Select(p => new { p.Id, Commitment = p.Commitments.OrderBy(c => c.Position).Select(c => new { c.Id, c.Identifier }).First() }).SingleAsync();
            var payment = await db.Contributions.Where(c => c.MemberId == norway.Id).SelectMany(c => c.Payments).Select(p => p.Id).FirstAsync();
            var closedCommitment = closed.Commitments.OrderBy(c => c.Position).First();
            var withEvidence = await db.Commitments.Include(c => c.ActionPlan).Include(c => c.Milestones).ThenInclude(m => m.EvidenceFiles).SingleAsync(c => c.Id == kenya.Commitment.Id);
            var evidence = withEvidence.AddEvidenceFile(withEvidence.Milestones.OrderBy(m => m.DueDate).First(), "matrix.pdf", "%PDF-1.4 matrix"u8.ToArray(), PortalRole.PointOfContact);
            await db.SaveChangesAsync();

            records._values["memberA"] = Id(norway.Id);
            records._values["draftPlan"] = Id(draft.Id);
            records._values["draftCommitment"] = Id(secret.Id);
            records._values["draftIdentifier"] = secret.Identifier;
            records._values["spareCommitment"] = Id(spare.Id);
            records._values["draftEntry"] = Id(entry.Id);
            records._values["consultingPlan"] = Id(consulting.Id);
            records._values["meeting"] = Id(consulting.Meeting);
            records._values["answeredComment"] = Id(comments[0]);
            records._values["publishedComment"] = Id(comments[1]);
            records._values["heldComment"] = Id(comments[2]);
            records._values["closedPlan"] = Id(closedId);
            records._values["closedCommitment"] = Id(closedCommitment.Id);
            records._values["closedIdentifier"] = closedCommitment.Identifier;
            records._values["draftReport"] = Id(draftReport.Id);
            records._values["review"] = Id(review.Id);
            records._values["reviewComment"] = Id(reviewComment.Id);
            records._values["publishedPlan"] = Id(kenya.Id);
            records._values["publishedIdentifier"] = kenya.Commitment.Identifier;
            records._values["publishedCommitment"] = Id(kenya.Commitment.Id);
            records._values["payment"] = Id(payment);
            records._values["evidenceFile"] = Id(evidence.Id);
            return 0;
        });
        return records;
    }

    /// <summary>
    /// An import job of the Support Unit's, made through the real screen (a dry run, so nothing is saved), and
    /// waited for: the job is a row the import's runner writes until the import has ended.
    /// </summary>
    public async Task AddImportJobAsync(HttpClient supportUnit)
    {
        ArgumentNullException.ThrowIfNull(supportUnit);
        using var response = await supportUnit.SubmitWithFileAsync(
            "/support-unit/data-import",
            "Form.CsvFile",
            ("matrix.csv", OgpFiles.Small(OgpFiles.Row(1, "Open budgets"))),
            new Dictionary<string, string> { ["Form.DryRun"] = "true" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "starting a dry-run import");
        _values["importJob"] = response.Headers.Location!.OriginalString.Split('/')[^1];
        await DataImportScreenTests.WaitUntilFinishedAsync(supportUnit, response.Headers.Location!.OriginalString);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class AccessMatrix
{
    /// <summary>The one line that stands for every file of wwwroot (each is an endpoint of its own, public by design).</summary>
    public const string StaticAssets = "{wwwroot file}";

    /// <summary>
    /// Every routed endpoint as (method, pattern); an endpoint without a method list counts as GET and POST.
    /// The files of wwwroot count as one endpoint, <see cref="StaticAssets"/>.
    /// </summary>
    public static List<(string Method, string Pattern)> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(MethodsAndPattern)
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)];

    private static IEnumerable<(string Method, string Pattern)> MethodsAndPattern(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return [("GET", StaticAssets)];
        }

        var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
        return (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            .Where(m => m is not ("HEAD" or "OPTIONS"))
            .Select(m => (m, pattern));
    }

    public static Outcome Classify(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString) : string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.StartsWith("/account/login", StringComparison.Ordinal) => Outcome.Login,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.StartsWith("/account/access-denied", StringComparison.Ordinal) => Outcome.Forbidden,
            _ => Outcome.Ok,
        };
    }

    /// <summary>
    /// A fingerprint of every row of every table of the database, table by table (blobs included, such as SQLite's
    /// full-text index's segments, and PostgreSQL's search vectors), so a test can prove a run of refused requests
    /// changed nothing anywhere (not only in the tables it thought of) and name what did; the scale data tests
    /// compare two databases with it.
    /// </summary>
    public static async Task<Dictionary<string, string>> FingerprintAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database is SqliteTestDatabase sqlite)
        {
            return await FingerprintAsync(sqlite.Path);
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ToString());
        return await FingerprintAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /// <summary>The fingerprint of a SQLite file (a copy the test made, or a test database).</summary>
    public static async Task<Dictionary<string, string>> FingerprintAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return await FingerprintAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private static async Task<Dictionary<string, string>> FingerprintAsync(System.Data.Common.DbConnection connection, string listTables)
    {
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            fingerprints[table] = $"{rows.Count} rows, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        }

        return fingerprints;
    }

    // Instants in one form whatever the engine hands back (SQLite text, PostgreSQL timestamps).
    private static string? Text(object value) => value switch
    {
        byte[] blob => Convert.ToBase64String(blob),
        DateTime instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
