using AngleSharp.Dom;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Members' country names (from the platform's CLDR data) and OGP's policy-area taxonomy read in the page's
/// language; the open data keeps OGP's English names.
/// </summary>
public sealed class NamesInThePageLanguageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("es", "Noruega", "Kenia")]
    [InlineData("fr", "Norvège", "Kenya")]
    [InlineData("en", "Norway", "Kenya")]
    public async Task MemberPages_NameTheCountryInThePageLanguage(string language, string norway, string kenya)
    {
        using var client = Client(language);

        var member = await client.GetDocumentAsync("/members/NO");
        member.QuerySelector("h1")!.TextContent.ShouldStartWith(norway);
        var members = await client.GetDocumentAsync("/members");
        members.QuerySelectorAll("main a[href='/members/KE']").Select(a => a.TextContent).ShouldContain(kenya);
        var commitment = await client.GetDocumentAsync("/commitments/KE0034");
        commitment.QuerySelector("main .lead")!.TextContent.ShouldStartWith(kenya);
    }

    [Fact]
    public async Task ALocalMember_KeepsItsOwnName()
    {
        using var client = Client("es");

        var members = await client.GetDocumentAsync("/members");

        members.QuerySelectorAll("main a[href='/members/BUE']").Select(a => a.TextContent).ShouldContain("Buenos Aires");
    }

    [Theory]
    [InlineData("es", "Financiamiento climático", "Noruega")]
    [InlineData("fr", "Finance climatique", "Norvège")]
    public async Task TheTaxonomyAndTheSearchFacets_AreInThePageLanguage(string language, string climateFinance, string norway)
    {
        using var client = Client(language);

        var commitment = await client.GetDocumentAsync("/commitments/KE0034");
        commitment.QuerySelector("main")!.TextContent.ShouldContain(climateFinance);
        var search = await client.GetDocumentAsync("/commitments");
        search.QuerySelectorAll("#facet-policy option").Select(o => o.TextContent).ShouldContain(o => o.StartsWith(climateFinance, StringComparison.Ordinal));
        search.QuerySelectorAll("#facet-member option").Select(o => o.TextContent).ShouldContain(o => o.StartsWith(norway, StringComparison.Ordinal));
        var statistics = await client.GetDocumentAsync("/statistics");
        statistics.QuerySelector("main")!.TextContent.ShouldContain(language == "es" ? "Medio ambiente y clima" : "Environnement et climat");
    }

    [Fact]
    public async Task OpenData_KeepsOgpsEnglishNames()
    {
        using var client = Client("es");

        var members = await client.GetStringAsync(new Uri("/data/members.csv", UriKind.Relative));
        var commitments = await client.GetStringAsync(new Uri("/data/commitments.csv", UriKind.Relative));

        members.ShouldContain("Norway");
        members.ShouldNotContain("Noruega");
        commitments.ShouldContain("Climate Finance");
    }

    private HttpClient Client(string language)
    {
        var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }
}
