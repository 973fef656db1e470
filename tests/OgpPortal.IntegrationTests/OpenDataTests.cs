using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The open data surfaces (/data downloads, /api/v1, /openapi/v1.json, /feeds/atom.xml) serve public records
/// only, say what their fields mean, and answer bad requests with problem details.
/// </summary>
public sealed class OpenDataTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    // What must never be served: each is a title or text of a record the public may not see yet.
    private const string DraftPlan = "Zz draft plan leak check";
    private const string DraftCommitment = "Zz draft commitment leak check";
    private const string DraftMilestone = "Zz draft milestone leak check";
    private const string DraftReportNarrative = "Zz unpublished assessment leak check";
    private const string HiddenPlanNarrative = "Zz hidden plan assessment leak check";
    private const string DraftEntry = "Zz challenge draft leak check";
    private const string SubmittedEntry = "Zz challenge submitted leak check";
    private const string ReturnedEntry = "Zz challenge returned leak check";
    private const string DraftCommitmentIdentifier = "SCO9901";

    // What must be served: a published assessment and an accepted entry (linked to the draft commitment).
    private const string PublishedNarrative = "Zz published assessment visible";
    private const string AcceptedEntry = "Zz challenge accepted visible";

    private static readonly string[] Hidden = [DraftPlan, DraftCommitment, DraftMilestone, DraftReportNarrative, HiddenPlanNarrative, DraftEntry, SubmittedEntry, ReturnedEntry, DraftCommitmentIdentifier];

    private static readonly SemaphoreSlim SeedLock = new(1, 1);

    public static TheoryData<string> PublicSurfaces()
    {
        var data = new TheoryData<string>();
        foreach (var dataset in OpenDataCatalog.Datasets)
        {
            data.Add($"/data/{dataset.Name}.csv");
            data.Add($"/data/{dataset.Name}.json");
        }

        data.Add("/api/v1/members?pageSize=100");
        data.Add("/api/v1/action-plans?pageSize=100");
        data.Add("/api/v1/commitments?pageSize=100");
        data.Add("/api/v1/commitments?q=Zz");
        data.Add("/api/v1/commitments?member=SCO");
        data.Add("/api/v1/challenge-entries?pageSize=100");
        data.Add("/feeds/atom.xml");
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicSurfaces))]
    public async Task Surface_LeavesOutDraftPlansTheirCommitmentsUnpublishedAssessmentsAndEntriesNotAccepted(string url)
    {
        var seeded = await SeedAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        var body = await visitor.GetStringAsync(new Uri(url, UriKind.Relative));

        foreach (var hidden in Hidden)
        {
            body.ShouldNotContain(hidden, Case.Insensitive, $"{url} serves “{hidden}”");
        }

        // Plans the demo holds in Draft and Submitted are left out by id too (their titles have apostrophes, which JSON escapes).
        if (url.Contains("action-plans", StringComparison.Ordinal) && url.EndsWith(".json", StringComparison.Ordinal))
        {
            var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
            ids.ShouldNotContain(seeded.DraftPlanId);
            ids.ShouldNotContain(seeded.SubmittedPlanId);
        }
    }

    [Fact]
    public async Task PublishedAssessmentsAndAcceptedEntries_AreServed_WithoutNamingACommitmentOfADraftPlan()
    {
        var seeded = await SeedAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        (await visitor.GetStringAsync(new Uri("/data/irm-assessments.csv", UriKind.Relative))).ShouldContain(PublishedNarrative);
        var detail = await GetJsonAsync(visitor, $"/api/v1/commitments/{seeded.AssessedCommitmentId}");
        detail.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("cluster").GetString()).ShouldContain(PublishedNarrative);
        detail.GetProperty("milestones").GetArrayLength().ShouldBeGreaterThan(0);

        var entries = await GetJsonAsync(visitor, "/api/v1/challenge-entries?pageSize=100");
        var accepted = entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("title").GetString() == AcceptedEntry);
        accepted.GetProperty("commitmentIdentifier").ValueKind.ShouldBe(JsonValueKind.Null);
        (await visitor.GetStringAsync(new Uri("/feeds/atom.xml", UriKind.Relative))).ShouldContain(AcceptedEntry);
    }

    [Fact]
    public async Task Api_RecordsThatAreNotPublic_Are404ProblemDetails()
    {
        var seeded = await SeedAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        foreach (var url in new[]
                 {
                     $"/api/v1/action-plans/{seeded.DraftPlanId}", $"/api/v1/action-plans/{seeded.SubmittedPlanId}",
                     $"/api/v1/commitments/{seeded.DraftCommitmentId}", "/api/v1/members/999999", "/api/v1/commitments/999999",
                 })
        {
            using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("status").GetInt32().ShouldBe(404);
            problem.GetProperty("detail").GetString()!.ShouldStartWith("There is no published");
        }
    }

    [Fact]
    public async Task CsvHeaders_AreTheFieldsOfTheDataDictionaryOnTheDataPage()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var page = await visitor.GetDocumentAsync("/data");

        foreach (var dataset in OpenDataCatalog.Datasets)
        {
            var documented = page.QuerySelectorAll($"table[data-dataset='{dataset.Name}'] tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
            documented.ShouldNotBeEmpty(dataset.Name);
            page.QuerySelectorAll($"table[data-dataset='{dataset.Name}'] tbody tr td").ShouldAllBe(td => td.TextContent.Trim().Length > 0);
            page.QuerySelector($"a[href='/data/{dataset.Name}.csv']").ShouldNotBeNull();
            page.QuerySelector($"a[href='/data/{dataset.Name}.json']").ShouldNotBeNull();

            using var response = await visitor.GetAsync(new Uri($"/data/{dataset.Name}.csv", UriKind.Relative));
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            using var csv = CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
            foreach (var unused in csv)
            {
                break;
            }

            csv.Headers!.ShouldBe(documented, dataset.Name);

            var json = JsonDocument.Parse(await visitor.GetStringAsync(new Uri($"/data/{dataset.Name}.json", UriKind.Relative))).RootElement;
            json.ValueKind.ShouldBe(JsonValueKind.Array);
            if (json.GetArrayLength() > 0)
            {
                json[0].EnumerateObject().Select(p => p.Name).ShouldBe(documented, dataset.Name);
            }
        }
    }

    [Fact]
    public async Task Api_TextFilter_UsesTheFullTextIndex_FindingWordsOfTheTextInAnyLanguage()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        // "Børn" occurs only in the Danish text of DK0050, not in its English title.
        var found = await GetJsonAsync(visitor, "/api/v1/commitments?q=b%C3%B8rn+unge");
        var byPrefix = await GetJsonAsync(visitor, "/api/v1/commitments?q=kommunalbestyr");
        var syntax = await GetJsonAsync(visitor, "/api/v1/commitments?q=%22AND+OR+(");

        found.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("identifier").GetString()).ShouldBe(["DK0050"]);
        byPrefix.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("identifier").GetString()).ShouldBe(["DK0050"]);
        syntax.GetProperty("totalCount").GetInt32().ShouldBe(0, "full-text operators are read as words, never as query syntax");
    }

    [Fact]
    public async Task Api_Paging_GivesLinksInTheBodyAndTheLinkHeader_KeepingTheFilters()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.GetAsync(new Uri("/api/v1/commitments?region=Europe&pageSize=3&page=2", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var total = body.GetProperty("totalCount").GetInt32();
        total.ShouldBeGreaterThan(6);
        body.GetProperty("page").GetInt32().ShouldBe(2);
        body.GetProperty("pageSize").GetInt32().ShouldBe(3);
        body.GetProperty("items").GetArrayLength().ShouldBe(3);
        body.GetProperty("items").EnumerateArray().ShouldAllBe(c => c.GetProperty("region").GetString() == "Europe");
        var links = body.GetProperty("links");
        links.GetProperty("self").GetString().ShouldBe("http://localhost:5000/api/v1/commitments?region=Europe&page=2&pageSize=3");
        links.GetProperty("first").GetString().ShouldEndWith("?region=Europe&page=1&pageSize=3");
        links.GetProperty("prev").GetString().ShouldEndWith("?region=Europe&page=1&pageSize=3");
        links.GetProperty("next").GetString().ShouldEndWith("?region=Europe&page=3&pageSize=3");
        links.GetProperty("last").GetString().ShouldEndWith($"?region=Europe&page={(total + 2) / 3}&pageSize=3");
        var header = string.Join(",", response.Headers.GetValues("Link"));
        header.ShouldContain("<http://localhost:5000/api/v1/commitments?region=Europe&page=3&pageSize=3>; rel=\"next\"");
        header.ShouldContain("rel=\"prev\"");

        var first = await GetJsonAsync(visitor, "/api/v1/commitments?region=Europe&pageSize=3");
        first.GetProperty("links").GetProperty("prev").ValueKind.ShouldBe(JsonValueKind.Null);
        var last = await GetJsonAsync(visitor, $"/api/v1/commitments?region=Europe&pageSize=3&page={(total + 2) / 3}");
        last.GetProperty("links").GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Api_SendsAnETag_AndAnswers304WhenItHasNotChanged_AndHeadHasNoBody()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var first = await visitor.GetAsync(new Uri("/api/v1/members?pageSize=5", UriKind.Relative));
        var etag = first.Headers.ETag.ShouldNotBeNull();
        first.Headers.CacheControl!.Public.ShouldBeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/members?pageSize=5", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await visitor.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/members?pageSize=6", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(etag);
        (await visitor.SendAsync(other)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/v1/members?pageSize=5", UriKind.Relative)));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.ETag.ShouldBe(etag);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/commitments?page=2147483647", "page")]
    [InlineData("/api/v1/commitments?page=0", "page")]
    [InlineData("/api/v1/commitments?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/members?page=abc", "page")]
    [InlineData("/api/v1/commitments?region=Mars", "region")]
    [InlineData("/api/v1/commitments?planStatus=Draft", "planStatus")]
    [InlineData("/api/v1/action-plans?status=Submitted", "status")]
    [InlineData("/api/v1/challenge-entries?area=Nowhere", "area")]
    [InlineData("/api/v1/members/abc", "id")]
    [InlineData("/api/v1/commitments/1x", "id")]
    public async Task Api_BadParameters_Are400ProblemDetails_NamingTheParameter(string url, string parameter)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("detail").GetString()!.ShouldStartWith(parameter);
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("POST", "/api/v1/members")]
    [InlineData("PUT", "/api/v1/commitments/1")]
    [InlineData("DELETE", "/api/v1/action-plans/1")]
    [InlineData("PATCH", "/api/v1/challenge-entries")]
    public async Task Api_IsReadOnly(string method, string url)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = new StringContent("{}") });

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("read-only");
    }

    [Fact]
    public async Task Api_AllowsReadingFromAnySite()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/members", UriKind.Relative));
        request.Headers.Add("Origin", "https://data.example.org");

        using var response = await visitor.SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiEndpoint_AndNothingElse()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var document = JsonDocument.Parse(await visitor.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("OGP Portal open data API");
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        paths.Keys.Order(StringComparer.Ordinal).ShouldBe(
        [
            "/api/v1/action-plans", "/api/v1/action-plans/{id}", "/api/v1/challenge-entries", "/api/v1/commitments",
            "/api/v1/commitments/{id}", "/api/v1/members", "/api/v1/members/{id}",
        ]);
        paths.Values.ShouldAllBe(p => p.EnumerateObject().Single().Name == "get");
        var list = paths["/api/v1/commitments"].GetProperty("get");
        list.GetProperty("summary").GetString().ShouldBe("List commitments");
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["q", "member", "region", "kind", "policyArea", "planYear", "planStatus", "challengeArea", "completion", "potential", "promising", "starred", "page", "pageSize"]);
        document.GetProperty("components").GetProperty("schemas").GetProperty("CommitmentRecord").GetProperty("properties")
            .GetProperty("identifier").GetProperty("description").GetString().ShouldBe("OGP's identifier: member code and number (AL0002).");
    }

    [Fact]
    public async Task ApiReference_IsServedByThePortalItself()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/api/reference/");

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(src => !src.Contains("//", StringComparison.Ordinal));
        page.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!).ShouldAllBe(href => !href.Contains("//", StringComparison.Ordinal));
        (await visitor.GetAsync(new Uri("/api/reference/scalar.js", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Feed_IsAtom_NewestFirst_AndEveryPageLinksToIt()
    {
        await SeedAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.GetAsync(new Uri("/feeds/atom.xml", UriKind.Relative));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        feed.Name.ShouldBe(atom + "feed");
        var entries = feed.Elements(atom + "entry").ToList();
        entries.Count.ShouldBeInRange(3, 50);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        updated.ShouldBe(updated.OrderByDescending(u => u).ToList());
        entries.ShouldAllBe(e => e.Element(atom + "link")!.Attribute("href")!.Value.StartsWith("http://localhost:5000/", StringComparison.Ordinal));
        entries.Select(e => e.Element(atom + "title")!.Value).ShouldContain(t => t.StartsWith("Action plan published:", StringComparison.Ordinal));
        entries.Select(e => e.Element(atom + "title")!.Value).ShouldContain(t => t.StartsWith("IRM report published:", StringComparison.Ordinal));

        var home = await visitor.GetDocumentAsync("/");
        home.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href").ShouldBe("/feeds/atom.xml");
        home.QuerySelector("footer a[href='/data']")!.TextContent.ShouldBe("Open data");
        home.QuerySelector("footer a[href='/api/reference']").ShouldNotBeNull();
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private sealed record Seeded(int DraftPlanId, int SubmittedPlanId, int DraftCommitmentId, int AssessedCommitmentId);

    /// <summary>
    /// Once per database: a draft plan with a commitment and milestone, a draft IRM report on a public plan,
    /// a published report on a plan that is not public, a published report on a public plan, and Challenge
    /// entries in every status.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            return await factory.WithDbAsync(async db =>
            {
                var submittedPlanId = await db.ActionPlans.Where(p => p.Member.Code == "DO" && p.Number == 6).Select(p => p.Id).SingleAsync();
                var existing = await db.ActionPlans.Where(p => p.Title == DraftPlan).Select(p => new { p.Id, Commitment = p.Commitments.Select(c => c.Id).Single() }).SingleOrDefaultAsync();
                if (existing is not null)
                {
                    var assessed = await db.CommitmentAssessments.Where(a => a.Cluster == PublishedNarrative).Select(a => a.CommitmentId).SingleAsync();
                    return new Seeded(existing.Id, submittedPlanId, existing.Commitment, assessed);
                }

                var scotland = await db.Members.SingleAsync(m => m.Code == "SCO");
                var draft = ActionPlan.CreateDraft(scotland, 99, DraftPlan, new DateOnly(2027, 9, 1), new DateOnly(2029, 8, 31));
                var commitment = draft.AddCommitment(DraftCommitmentIdentifier, new CommitmentText(DraftCommitment, null, "Problem", "What", "How", "Scottish Government", null, new DateOnly(2027, 9, 1), new DateOnly(2029, 6, 30), OgpValues.AccessToInformation));
                commitment.AddMilestone(DraftMilestone, new DateOnly(2028, 6, 30));
                db.ActionPlans.Add(draft);
                await db.SaveChangesAsync();

                await ReportAsync(db, "KE", 5, DraftReportNarrative, publish: false);
                await ReportAsync(db, "DO", 6, HiddenPlanNarrative, publish: true);
                var assessedId = await ReportAsync(db, "ELG", 2, PublishedNarrative, publish: true);

                var kenya = await db.Members.SingleAsync(m => m.Code == "KE");
                var now = DateTime.UtcNow;
                ChallengeEntry Entry(string title, Commitment? linked = null) => ChallengeEntry.Draft(
                    linked is null ? kenya : scotland,
                    new ChallengeEntryText(title, null, ChallengeArea.Justice, linked is null ? Participation.StandaloneCommitment : Participation.ActionPlanCommitment, linked, GovernmentLevel.National, null, "Judiciary", OgpValues.None),
                    [("Law in force", DateOnly.FromDateTime(now).AddMonths(6))]);
                var submitted = Entry(SubmittedEntry);
                submitted.Submit(PortalRole.PointOfContact, now);
                var returned = Entry(ReturnedEntry);
                returned.Submit(PortalRole.PointOfContact, now);
                returned.Return(PortalRole.SupportUnit, "Name the lead institution.");
                var accepted = Entry(AcceptedEntry, commitment);
                accepted.Submit(PortalRole.PointOfContact, now);
                accepted.Accept(PortalRole.SupportUnit, now);
                db.ChallengeEntries.AddRange(Entry(DraftEntry), submitted, returned, accepted);
                await db.SaveChangesAsync();
                return new Seeded(draft.Id, submittedPlanId, commitment.Id, assessedId);
            });
        }
        finally
        {
            SeedLock.Release();
        }
    }

    /// <summary>An Action Plan Review of a member's plan assessing its first commitment; returns that commitment's id.</summary>
    private static async Task<int> ReportAsync(PortalDbContext db, string memberCode, int planNumber, string narrative, bool publish)
    {
        var planId = await db.ActionPlans.Where(p => p.Member.Code == memberCode && p.Number == planNumber).Select(p => p.Id).SingleAsync();
        var plan = (await db.LoadPlanAsync(planId, CancellationToken.None))!;
        var commitment = plan.Commitments.OrderBy(c => c.Position).First();
        var report = IrmReport.Start(plan, ReportType.ActionPlanReview);
        report.Assess(commitment, new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Modest, Cluster: narrative));
        report.UpdateText($"Review of {memberCode} {planNumber}.", null, null);
        if (publish)
        {
            report.OpenForComment(PortalRole.IrmResearcher, "Only the commitments this test needs are assessed.");
            report.Publish(PortalRole.IrmResearcher, DateOnly.FromDateTime(DateTime.UtcNow));
        }

        db.IrmReports.Add(report);
        await db.SaveChangesAsync();
        return commitment.Id;
    }
}
