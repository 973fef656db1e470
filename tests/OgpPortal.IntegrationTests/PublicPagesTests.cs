using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed class PublicPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Home_ShowsPublishedPlansAndNeverUnpublishedOnes()
    {
        using var client = factory.CreateBrowserlikeClient();

        // Norway's fifth plan is named under "Open consultations" (its draft is public for comment), never among published plans.
        var text = (await client.GetDocumentAsync("/")).QuerySelector("#latest-heading")!.ParentElement!.TextContent;

        text.ShouldContain("Buenos Aires action plan 2026–2027");
        text.ShouldNotContain("Norway's fifth action plan");
        text.ShouldNotContain("sixth action plan 2026–2028");
    }

    [Fact]
    public async Task Home_LeavesOutAnUnpublishedPlanEvenWhenItCarriesTheNewestDate()
    {
        // A draft with a publication date (as a bad import might leave) would top an unfiltered list.
        await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Member.Code == "NO" && p.Number == 5)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        using var client = factory.CreateBrowserlikeClient();

        // Norway's fifth plan is named under "Open consultations" (its draft is public for comment), never among published plans.
        var text = (await client.GetDocumentAsync("/")).QuerySelector("#latest-heading")!.ParentElement!.TextContent;

        text.ShouldNotContain("Norway's fifth action plan");
    }

    [Fact]
    public async Task Home_HeadlineFiguresCountOnlyPublishedData()
    {
        using var client = factory.CreateBrowserlikeClient();
        var (plans, commitments) = await factory.WithDbAsync(async db =>
        {
            var publicPlanIds = await db.ActionPlans
                .Where(p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed)
                .Select(p => p.Id)
                .ToListAsync();
            return (publicPlanIds.Count, await db.Commitments.CountAsync(c => publicPlanIds.Contains(c.ActionPlanId)));
        });
        var allPlans = await factory.WithDbAsync(db => db.ActionPlans.CountAsync());

        var figures = (await client.GetDocumentAsync("/")).QuerySelectorAll("dl dd").Select(d => d.TextContent.Trim()).ToList();

        figures.ShouldBe(["8", "4", plans.ToString(CultureInfo.InvariantCulture), commitments.ToString(CultureInfo.InvariantCulture)]);
        plans.ShouldBeLessThan(allPlans, "the demo data has draft and submitted plans that must not be counted");
    }

    [Fact]
    public async Task UnknownAddress_Gives404WithAFriendlyPage()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Fact]
    public async Task Health_ReportsTheDatabaseHealthy()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Bootstrap_IsServedFromTheSiteItself()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/");
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();

        stylesheets.Concat(scripts).ShouldAllBe(url => url.StartsWith('/'));
        using var css = await client.GetAsync(new Uri(stylesheets.First(s => s.Contains("bootstrap", StringComparison.Ordinal)), UriKind.Relative));
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await css.Content.ReadAsStringAsync()).ShouldContain("Bootstrap  v5.3.9");
    }
}
