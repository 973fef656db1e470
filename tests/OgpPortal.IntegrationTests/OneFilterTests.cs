using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// One filter, one meaning (issue 21): the same criteria give the same commitments on the search page (every page
/// of it), in the API (every page) and in the download of the search's results (CSV and JSON), and they are the
/// commitments the criteria's meaning, spelled out here against the database, says. Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class OneFilterTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Expression<Func<Commitment, bool>>[] Meanings =
    [
        // 0: a year is any year of the plan's implementation period.
        c => c.ActionPlan.Member.Region == Region.Europe && c.ActionPlan.PeriodStart.Year <= 2021 && c.ActionPlan.PeriodEnd.Year >= 2021,

        // 1: a policy area finds its sub-areas' commitments too.
        c => c.PolicyAreas.Any(a => a.Name == "Fiscal Openness" || (a.Parent != null && a.Parent.Name == "Fiscal Openness")),

        // 2: two values of one criterion are either; different criteria are both.
        c => (c.ActionPlan.Member.Region == Region.Europe || c.ActionPlan.Member.Region == Region.Americas) && c.ActionPlan.Member.Kind == MemberKind.National,

        // 3: the plan's status.
        c => c.ActionPlan.Status == ActionPlanStatus.Closed && c.ActionPlan.Member.Code == "DK",

        // 4: two members and two years.
        c => (c.ActionPlan.Member.Code == "DK" || c.ActionPlan.Member.Code == "NO")
            && ((c.ActionPlan.PeriodStart.Year <= 2017 && c.ActionPlan.PeriodEnd.Year >= 2017) || (c.ActionPlan.PeriodStart.Year <= 2024 && c.ActionPlan.PeriodEnd.Year >= 2024)),

        // 5: a Challenge area and a kind of member.
        c => c.ChallengeArea != null && c.ActionPlan.Member.Kind == MemberKind.National,
    ];

    public static TheoryData<int, string, string> Criteria() => new()
    {
        { 0, "region=Europe&year=2021", "region=Europe&planYear=2021" },
        { 1, "policy={fiscal}", "policyArea=Fiscal%20Openness" },
        { 2, "region=Europe&region=Americas&kind=National", "region=Europe&region=Americas&kind=National" },
        { 3, "status=Closed&member=dk", "planStatus=Closed&member=DK" },
        { 4, "member=DK&member=NO&year=2017&year=2024", "member=DK&member=NO&planYear=2017&planYear=2024" },
        { 5, string.Join('&', Enum.GetValues<ChallengeArea>().Select(a => $"challenge={a}")) + "&kind=National", string.Join('&', Enum.GetValues<ChallengeArea>().Select(a => $"challengeArea={a}")) + "&kind=National" },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task TheSameCriteria_GiveTheSameCommitments_OnEverySurface(int meaning, string pageQuery, string apiQuery)
    {
        var fiscal = await factory.WithDbAsync(db => db.PolicyAreas.Where(a => a.Name == "Fiscal Openness").Select(a => a.Id).SingleAsync());
        pageQuery = pageQuery.Replace("{fiscal}", fiscal.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var expected = await factory.WithDbAsync(db => db.Commitments
            .Where(c => c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed)
            .Where(Meanings[meaning]).Select(c => c.Identifier).ToListAsync());
        using var visitor = factory.CreateBrowserlikeClient();

        var onThePage = await PageAsync(visitor, pageQuery);
        var inTheApi = await ApiAsync(visitor, apiQuery);
        var inTheCsv = await CsvAsync(visitor, $"/data/commitments.csv?{pageQuery}");
        var inTheJson = (await OpenDataTests.GetJsonAsync(visitor, $"/data/commitments.json?{pageQuery}")).EnumerateArray().Select(c => c.GetProperty("identifier").GetString()!).ToList();

        expected.ShouldNotBeEmpty(pageQuery);
        onThePage.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        inTheApi.ShouldBe([.. expected.Order(StringComparer.Ordinal)], "the API in identifier order: " + apiQuery);
        inTheCsv.ShouldBe(inTheApi, "the download in identifier order");
        inTheJson.ShouldBe(inTheApi);
    }

    [Fact]
    public async Task Words_MeanTheSameOnThePageAndInTheApi_AndTheDownloadOfTheSearch()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var onThePage = await PageAsync(visitor, "q=open+data&region=Europe");
        var inTheApi = await ApiAsync(visitor, "q=open%20data&region=Europe");
        var inTheCsv = await CsvAsync(visitor, "/data/commitments.csv?q=open+data&region=Europe");

        onThePage.ShouldNotBeEmpty();
        onThePage.Order(StringComparer.Ordinal).ShouldBe(inTheApi);
        inTheCsv.ShouldBe(inTheApi);
    }

    [Fact]
    public async Task OverlongWords_AreRefused_WithTheSameMessage_OnThePageAndInTheApi()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var words = Uri.EscapeDataString(new string('a', 201));

        var page = await visitor.GetDocumentAsync($"/commitments?q={words}");
        using var api = await visitor.GetAsync(new Uri($"/api/v1/commitments?q={words}", UriKind.Relative));

        page.QuerySelector("#q-error")!.TextContent.ShouldBe("The words to search for must be 200 characters or fewer.");
        page.QuerySelector("#q")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelectorAll("#results li").ShouldBeEmpty();
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).ShouldContain("The words to search for must be 200 characters or fewer.");
        (await visitor.GetAsync(new Uri($"/api/v1/commitments?q={Uri.EscapeDataString(new string('a', 200))}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var download = await visitor.GetAsync(new Uri($"/data/commitments.csv?q={words}&region=Europe", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "never the whole dataset instead");
        (await download.Content.ReadAsStringAsync()).ShouldContain("200 characters or fewer");
    }

    [Fact]
    public async Task AnUnknownPolicyAreaName_IsRefusedByTheApi_AndAPlanThatIsNotPublicIsNeverACriterion()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var unknown = await visitor.GetAsync(new Uri("/api/v1/commitments?policyArea=Astrology", UriKind.Relative));
        using var draft = await visitor.GetAsync(new Uri("/api/v1/commitments?planStatus=Draft", UriKind.Relative));
        var pageOfDrafts = await visitor.GetDocumentAsync("/commitments?status=Draft");

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Astrology");
        draft.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OpenDataTests.GetJsonAsync(visitor, "/api/v1/commitments?member=NOSUCHMEMBERCODE")).GetProperty("totalCount").GetInt32().ShouldBe(0, "a value that names nothing matches nothing, never everything");
        (await OpenDataTests.GetJsonAsync(visitor, "/api/v1/commitments?planYear=1066")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        CommitmentSearchTests.Total(pageOfDrafts).ShouldBe(CommitmentSearchTests.Total(await visitor.GetDocumentAsync("/commitments")), "status=Draft is left out, not searched for");
    }

    /// <summary>Every identifier the search page lists for the query, page after page.</summary>
    private static async Task<List<string>> PageAsync(HttpClient visitor, string query)
    {
        var found = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await visitor.GetDocumentAsync($"/commitments?{query}&sort=Title&page={number}");
            var identifiers = CommitmentSearchTests.Identifiers(page);
            found.AddRange(identifiers);
            if (identifiers.Count == 0 || found.Count >= CommitmentSearchTests.Total(page))
            {
                return found;
            }
        }
    }

    private static async Task<List<string>> ApiAsync(HttpClient visitor, string query)
    {
        var found = new List<string>();
        for (var number = 1; ; number++)
        {
            var body = await OpenDataTests.GetJsonAsync(visitor, $"/api/v1/commitments?{query}&pageSize=100&page={number}");
            found.AddRange(body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("identifier").GetString()!));
            if (number >= body.GetProperty("pageCount").GetInt32())
            {
                return found;
            }
        }
    }

    private static async Task<List<string>> CsvAsync(HttpClient visitor, string url)
    {
        using var csv = CsvReader.FromText((await visitor.GetStringAsync(new Uri(url, UriKind.Relative))).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var found = new List<string>();
        foreach (var row in csv)
        {
            found.Add(row.GetString(Array.IndexOf([.. csv.Headers!], "identifier")));
        }

        return found;
    }
}
