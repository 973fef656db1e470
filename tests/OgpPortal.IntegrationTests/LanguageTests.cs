using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The interface in OGP's working languages: English by default, Spanish and French on request (ADR 0009).</summary>
public sealed class LanguageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Home_WithoutAPreference_IsInEnglish()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("nav[aria-label='Main']")!.TextContent.ShouldContain("Members");
    }

    [Theory]
    [InlineData("es-ES,es;q=0.9,en;q=0.5", "es", "Miembros", "Planes de acción de la Alianza para el Gobierno Abierto")]
    [InlineData("fr-CA,fr;q=0.9", "fr", "Membres", "Plans d'action du Partenariat pour un gouvernement ouvert")]
    public async Task Home_WithTheBrowsersLanguage_IsInThatLanguage(string acceptLanguage, string lang, string navItem, string heading)
    {
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await client.GetDocumentAsync("/");

        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
        page.QuerySelector("header nav")!.TextContent.ShouldContain(navItem);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.Title!.ShouldContain(heading);
    }

    [Fact]
    public async Task Home_WithAnUnofferedLanguage_IsInEnglish()
    {
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "nb-NO,nb;q=0.9");

        var page = await client.GetDocumentAsync("/");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Fact]
    public async Task Switcher_RemembersTheLanguageInTheCultureCookie_AndGoesBackToThePage()
    {
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "es");

        using var response = await client.SubmitFormAsync("/members?kind=National", new Dictionary<string, string> { ["culture"] = "fr" }, "#language-switcher");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/members?kind=National");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", StringComparison.Ordinal));
        var page = await client.GetDocumentAsync("/members?kind=National");
        page.DocumentElement.GetAttribute("lang").ShouldBe("fr", "the cookie wins over the browser's Spanish");
        page.QuerySelector("#language-culture option[selected]")!.GetAttribute("value").ShouldBe("fr");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Switcher_NeverSendsTheVisitorToAnotherSite(string returnUrl)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "es", ["returnUrl"] = returnUrl }, "#language-switcher");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Switcher_WithALanguageNotOffered_KeepsTheLanguageAndSaysSo()
    {
        using var client = factory.CreateClient();

        using var response = await client.SubmitFormAsync("/members", new Dictionary<string, string> { ["culture"] = "de" }, "#language-switcher");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector(".alert-danger")!.TextContent.ShouldContain("Choose one of the languages offered.");
    }

    /// <summary>
    /// The switcher takes no token: it is on every cached public page (ADR 0015). A post from another site
    /// can therefore change the language, and nothing else: it sets the culture cookie and goes back only to
    /// an address on this site.
    /// </summary>
    [Fact]
    public async Task Switcher_WithoutAToken_ChangesTheLanguageOnly_AndNeverSendsTheVisitorToAnotherSite()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostAsync(new Uri("/language", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "https://evil.example/" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ShouldStartWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr");
    }

    [Fact]
    public async Task PublicPlanPage_InFrench_ShowsDatesTheFrenchWay()
    {
        var plan = await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Status == ActionPlanStatus.Published && p.PublishedAt != null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PublishedAt, p.PeriodStart })
            .FirstAsync());
        using var client = await FrenchClientAsync(factory.CreateBrowserlikeClient());

        var page = await client.GetDocumentAsync($"/action-plans/{plan.Id}");

        var french = CultureInfo.GetCultureInfo("fr");
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain(plan.PublishedAt!.Value.ToString("d MMMM yyyy", french));
        main.ShouldContain(plan.PeriodStart.ToString("d MMMM yyyy", french));
        main.ShouldContain("Engagements (");
        page.QuerySelector("nav[aria-label='Fil d’Ariane'], nav[aria-label=\"Fil d'Ariane\"]").ShouldNotBeNull();
    }

    [Fact]
    public async Task PublicPlanPage_InSpanish_ShowsDatesTheSpanishWay()
    {
        var plan = await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Status == ActionPlanStatus.Published && p.PublishedAt != null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PublishedAt })
            .FirstAsync());
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "es");

        var main = (await client.GetDocumentAsync($"/action-plans/{plan.Id}")).QuerySelector("main")!.TextContent;

        main.ShouldContain(plan.PublishedAt!.Value.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es")));
    }

    [Fact]
    public async Task ContributionAndPayment_PostedFromTheFrenchPages_KeepTheirDecimalsAndDates()
    {
        using var staff = await FrenchClientAsync(await factory.SignedInClientAsync(DemoAccounts.SupportUnit));
        (await staff.GetDocumentAsync("/support-unit/contributions/UA/new")).DocumentElement.GetAttribute("lang").ShouldBe("fr");

        using var created = await staff.SubmitFormAsync("/support-unit/contributions/UA/new", new Dictionary<string, string> { ["FiscalYear"] = "2025", ["Tier"] = "Tier 3", ["ExpectedAmount"] = "50000.75", ["Currency"] = "USD" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var paid = await staff.SubmitFormAsync("/support-unit/contributions/UA/2025", new Dictionary<string, string> { ["Payment.ReceivedOn"] = "2025-05-02", ["Payment.Amount"] = "20000.50", ["Payment.Note"] = "Virement" }, "form[action$='/payments']");
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saved = await factory.WithDbAsync(db => db.Contributions
            .Where(c => c.Member.Code == "UA" && c.FiscalYear == 2025)
            .Select(c => new { c.ExpectedAmount, Payments = c.Payments.Select(p => new { p.Amount, p.ReceivedOn }).ToList() })
            .SingleAsync());
        saved.ExpectedAmount.ShouldBe(50000.75m);
        saved.Payments.ShouldHaveSingleItem().Amount.ShouldBe(20000.50m);
        saved.Payments[0].ReceivedOn.ShouldBe(new DateOnly(2025, 5, 2));
    }

    [Fact]
    public async Task FormWithErrors_InSpanish_ShowsTranslatedLabelsAndMessages()
    {
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "es");

        using var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = string.Empty });

        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("label[for='Password']")!.TextContent.ShouldBe("Contraseña");
        page.QuerySelector("main h1")!.TextContent.ShouldBe("Iniciar sesión");
    }

    [Fact]
    public async Task MembersOwnText_IsShownAsEntered()
    {
        await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "DK")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "Danmark – Bodø, Ærø og Århus")));
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "fr");

        using var response = await client.GetAsync(new Uri("/members/DK", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Danmark – Bodø, Ærø og Århus");
        html.ShouldContain("Membre depuis");
    }

    private static async Task<HttpClient> FrenchClientAsync(HttpClient client)
    {
        using var response = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "fr" }, "#language-switcher");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
