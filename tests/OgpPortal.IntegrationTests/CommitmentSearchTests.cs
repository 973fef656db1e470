using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The public commitment search at /commitments, over the demo data (read only).</summary>
public sealed partial class CommitmentSearchTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("kommunalbestyrelsen")]
    [InlineData("børn")]
    [InlineData("BØRN høres")]
    [InlineData("nærområde")]
    [InlineData("nærom")]
    public async Task Search_ByAWordInTheText_FindsTheCommitment_DanishLettersIncluded(string words)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(words)}");

        Identifiers(page).ShouldBe(["DK0050"]);
        page.QuerySelector("#results a")!.GetAttribute("href").ShouldBe("/commitments/DK0050");
    }

    /// <summary>
    /// The engine difference left (ADR 0016): every engine folds accents (é is e), but ø is a letter of its own to
    /// SQLite's tokenizer, while PostgreSQL's unaccent makes it an o.
    /// </summary>
    [Fact]
    public async Task OSlash_IsFoldedOnPostgreSql_AndKeptOnSqlite()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/commitments?q=born");

        Identifiers(page).Contains("DK0050").ShouldBe(TestDatabase.IsPostgreSql, $"'born' finding 'børn' on {TestDatabase.Engine}");
    }

    [Fact]
    public async Task Search_ByAWordOfTheTitle_RanksTitleMatchesAndFindsEveryMatch()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var expected = await PublicAsync(c => c.Title.Contains("beneficial") || c.Title.Contains("Beneficial"));

        var page = await visitor.GetDocumentAsync("/commitments?q=beneficial");

        Identifiers(page).Order().ShouldBe(expected.Order());
        Total(page).ShouldBe(expected.Count);
    }

    [Fact]
    public async Task Facets_CountWhatEachValueWouldGive_WithTheOtherFiltersApplied()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/commitments?region=Europe");

        Total(page).ShouldBe((await PublicAsync(c => c.ActionPlan.Member.Region == Region.Europe)).Count);
        var regions = Facet(page, "region");
        foreach (var region in Enum.GetValues<Region>())
        {
            regions[region.ToString()].ShouldBe((await PublicAsync(c => c.ActionPlan.Member.Region == region)).Count, region.ToString());
        }

        var members = Facet(page, "member");
        members["DK"].ShouldBe(15);
        members.ShouldNotContainKey("KE", "Kenya is not in Europe");
        Facet(page, "kind")["National"].ShouldBe((await PublicAsync(c => c.ActionPlan.Member.Region == Region.Europe && c.ActionPlan.Member.Kind == MemberKind.National)).Count);
        Facet(page, "year")["2017"].ShouldBe((await PublicAsync(c => c.ActionPlan.Member.Region == Region.Europe && c.ActionPlan.PeriodStart.Year <= 2017 && c.ActionPlan.PeriodEnd.Year >= 2017)).Count);
    }

    [Fact]
    public async Task Filters_Combine()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var europe2025 = await visitor.GetDocumentAsync("/commitments?region=Europe&year=2025&sort=Title");
        var openDataInDenmark = await visitor.GetDocumentAsync("/commitments?q=open+data&member=dk&kind=National");

        var expected = await PublicAsync(c => c.ActionPlan.Member.Region == Region.Europe && c.ActionPlan.PeriodStart.Year <= 2025 && c.ActionPlan.PeriodEnd.Year >= 2025);
        Total(europe2025).ShouldBe(expected.Count);
        Identifiers(europe2025).ShouldNotBeEmpty();
        Identifiers(europe2025).ShouldAllBe(i => expected.Contains(i));
        Identifiers(openDataInDenmark).ShouldNotBeEmpty();
        Identifiers(openDataInDenmark).ShouldAllBe(i => i.StartsWith("DK", StringComparison.Ordinal));
        Total(await visitor.GetDocumentAsync("/commitments?q=open+data&member=DK&region=Americas")).ShouldBe(0);
    }

    [Fact]
    public async Task Sorting_ByTitleAndByMember()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var byTitle = (await visitor.GetDocumentAsync("/commitments?sort=Title")).QuerySelectorAll("#results h2").Select(h => h.TextContent.Trim()).ToList();
        var byMember = (await visitor.GetDocumentAsync("/commitments?sort=Member")).QuerySelectorAll("#results li p a[href^='/members/']").Select(a => a.TextContent.Trim()).ToList();

        byTitle.ShouldBe(byTitle.Order(StringComparer.Ordinal).ToList());
        byMember.ShouldBe(byMember.Order(StringComparer.Ordinal).ToList());
        byMember[0].ShouldBe("Armenia");
    }

    [Fact]
    public async Task Address_HoldsTheSearch_AndThePagerKeepsIt()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/commitments?q=public&region=Europe&kind=National&sort=Title&promising=false");

        page.QuerySelector<IHtmlInputElement>("#q")!.Value.ShouldBe("public");
        page.QuerySelector<IHtmlInputElement>("#facet-region-Europe")!.IsChecked.ShouldBeTrue();
        page.QuerySelector<IHtmlInputElement>("#facet-region-Americas")!.IsChecked.ShouldBeFalse();
        page.QuerySelector<IHtmlInputElement>("#facet-kind-National")!.IsChecked.ShouldBeTrue();
        page.QuerySelector<IHtmlSelectElement>("#sort")!.Value.ShouldBe("Title");
        page.QuerySelector("form#commitment-search")!.GetAttribute("method").ShouldBe("get");

        var all = await visitor.GetDocumentAsync("/commitments?sort=Title");
        var next = all.QuerySelector("nav[aria-label=Pages] a[href*='page=2']")!.GetAttribute("href")!;
        next.ShouldBe("/commitments?sort=Title&page=2");
        var second = await visitor.GetDocumentAsync(next);
        Total(second).ShouldBe(Total(all));
        Identifiers(second).Intersect(Identifiers(all)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("q=%22")]
    [InlineData("q=AND+OR+(")]
    [InlineData("q=NEAR(open+data)+NOT+*")]
    [InlineData("q=Title:open+%5E")]
    [InlineData("q=%27%3B+DROP+TABLE+Commitments%3B--")]
    [InlineData("region=Mars")]
    [InlineData("region=42")]
    [InlineData("page=-1")]
    [InlineData("page=99999999999")]
    [InlineData("page=5000")]
    [InlineData("sort=Random&year=abc")]
    [InlineData("year=-5&policy=999999")]
    [InlineData("completion=7&potential=Huge&challenge=Space")]
    [InlineData("promising=maybe&starred=1")]
    [InlineData("member=%3Cscript%3E")]
    public async Task BadParameters_GiveANormalPage(string query)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.GetAsync(new Uri($"/commitments?{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#result-count").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("region=Mars")]
    [InlineData("region=42")]
    [InlineData("sort=Random")]
    public async Task UnreadableParameters_AreNamedAsLeftOut(string query)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/commitments?{query}");

        page.QuerySelector("main .alert-warning")!.TextContent.ShouldContain("not understood");
        Total(page).ShouldBe(Total(await visitor.GetDocumentAsync("/commitments")));
    }

    [Fact]
    public async Task ExistingCommitmentPage_StillWorks()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        (await visitor.GetAsync(new Uri("/commitments/dk0050", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync(new Uri("/commitments/NO0090", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    internal static List<string> Identifiers(IHtmlDocument page) =>
        page.QuerySelectorAll("#results a[href^='/commitments/']").Select(a => a.GetAttribute("href")!["/commitments/".Length..]).ToList();

    internal static int Total(IHtmlDocument page) => int.Parse(LeadingNumber().Match(page.QuerySelector("#result-count")!.TextContent.Replace(",", string.Empty, StringComparison.Ordinal)).Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A facet's values and counts as the page shows them ("Europe (26)").</summary>
    internal static Dictionary<string, int> Facet(IHtmlDocument page, string key) =>
        page.QuerySelectorAll($"#facet-{key} input[type=checkbox]")
            .ToDictionary(o => o.GetAttribute("value")!, o => int.Parse(CountInBrackets().Match(page.QuerySelector($"label[for='{o.Id}']")!.TextContent).Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    private Task<List<string>> PublicAsync(System.Linq.Expressions.Expression<Func<Domain.Commitments.Commitment, bool>> filter) =>
        factory.WithDbAsync(db => db.Commitments
            .Where(c => c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed)
            .Where(filter).Select(c => c.Identifier).ToListAsync());

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\(([\d,]+)\)\s*$")]
    private static partial Regex CountInBrackets();
}
