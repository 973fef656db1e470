using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
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
        search.QuerySelectorAll("#facet-policy label").Select(o => o.TextContent).ShouldContain(o => o.StartsWith(climateFinance, StringComparison.Ordinal));
        search.QuerySelectorAll("#facet-member label").Select(o => o.TextContent).ShouldContain(o => o.StartsWith(norway, StringComparison.Ordinal));
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

    [Fact]
    public async Task APlanWrittenInAnotherLanguage_HasItsTextsMarkedWithThatLanguage()
    {
        var planId = await factory.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.SingleAsync(p => p.Member.Code == "KE" && p.Number == 5);
            plan.SetTextLanguage("sw");
            await db.SaveChangesAsync();
            return plan.Id;
        });
        try
        {
            using var english = Client("en");

            var commitment = await english.GetDocumentAsync("/commitments/KE0034");
            commitment.QuerySelector("h1 span[lang='sw']")!.TextContent.ShouldBe("Transparency of climate finance");
            commitment.QuerySelectorAll("main .rich-text").ShouldAllBe(text => text.GetAttribute("lang") == "sw");
            commitment.QuerySelector("[data-text-language]")!.TextContent.ShouldBe("The member wrote this plan in Swahili; its texts are shown as written.");
            commitment.QuerySelector("h2[lang], .breadcrumb [lang]").ShouldBeNull("the page's own words stay in the page's language");
            var plan = await english.GetDocumentAsync($"/action-plans/{planId}");
            plan.QuerySelector("h1")!.GetAttribute("lang").ShouldBe("sw");
            plan.QuerySelectorAll("main .rich-text").ShouldAllBe(text => text.GetAttribute("lang") == "sw");
            using var spanish = Client("es");
            (await spanish.GetDocumentAsync("/commitments/KE0034")).QuerySelector("[data-text-language]")!.TextContent.ShouldContain("suajili");
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                (await db.ActionPlans.SingleAsync(p => p.Id == planId)).SetTextLanguage(null);
                await db.SaveChangesAsync();
                return 0;
            });
        }
    }

    [Fact]
    public async Task ThePointOfContact_SaysThePlansLanguage_AndAnUnknownOneIsRefused()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var refused = await poc.SubmitFormAsync($"/poc/plans/{planId}/edit", new Dictionary<string, string> { ["TextLanguage"] = "<script>" });
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("#TextLanguage-error")!.TextContent.ShouldBe("Choose the plan's language from the list.");
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.TextLanguage).SingleAsync())).ShouldBeNull();

        using var saved = await poc.SubmitFormAsync($"/poc/plans/{planId}/edit", new Dictionary<string, string> { ["TextLanguage"] = "nb" });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.TextLanguage).SingleAsync())).ShouldBe("nb");
        var form = await poc.GetDocumentAsync($"/poc/plans/{planId}/edit");
        form.QuerySelector("#TextLanguage option[selected]")!.GetAttribute("value").ShouldBe("nb");
    }

    [Theory]
    [InlineData("es", "Se guardó el avance de KE0033.")]
    [InlineData("fr", "L’avancement de KE0033 a été enregistré.")]
    public async Task AMessageWithValues_IsSaidInThePageLanguage(string language, string message)
    {
        var id = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "KE0033").Select(c => c.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        poc.DefaultRequestHeaders.Add("Accept-Language", language);

        using var saved = await poc.SubmitFormAsync($"/poc/commitments/{id}/progress", new Dictionary<string, string>());
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var next = await poc.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        next.QuerySelector("main .alert-success")!.TextContent.ShouldBe(message);
    }

    private HttpClient Client(string language)
    {
        var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }
}
