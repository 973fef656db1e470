using System.Net;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed class AreaAccessTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string> Areas => ["/support-unit", "/irm", "/poc"];

    public static TheoryData<string, string> WrongRole => new()
    {
        { DemoAccounts.PocNorway, "/support-unit" },
        { DemoAccounts.PocNorway, "/irm" },
        { DemoAccounts.IrmResearcher, "/support-unit" },
        { DemoAccounts.IrmResearcher, "/poc" },
        { DemoAccounts.SupportUnit, "/irm" },
        { DemoAccounts.SupportUnit, "/poc" },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task Area_WhenAnonymous_SendsToLoginAndBack(string area)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri(area, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        response.Headers.Location.Query.ShouldBe($"?ReturnUrl={Uri.EscapeDataString(area)}");
    }

    [Theory]
    [MemberData(nameof(WrongRole))]
    public async Task Area_WhenSignedInWithAnotherRole_Gives403WithAFriendlyPage(string email, string area)
    {
        using var client = await factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(area, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("This page is not available to you");
        page.QuerySelector("header")!.TextContent.ShouldContain($"Signed in as {email}");
    }

    [Fact]
    public async Task Navigation_ShowsOnlyTheAreasTheUserMayUse()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        var page = await client.GetDocumentAsync("/poc");

        var links = page.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/poc");
        links.ShouldNotContain("/support-unit");
        links.ShouldNotContain("/irm");
    }

    [Fact]
    public async Task PocLanding_ShowsOnlyTheirOwnMembersPlans()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        var text = (await client.GetDocumentAsync("/poc")).QuerySelector("main")!.TextContent;

        text.ShouldContain("Norway");
        text.ShouldContain("Norway's fifth action plan");
        text.ShouldContain("In consultation");
        text.ShouldNotContain("Kenya");
        text.ShouldNotContain("Denmark");
    }

    [Fact]
    public async Task PocLanding_ListsDeadlinesAndOverdueMilestonesOfTheirOwnMembersOnly()
    {
        using var kenya = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var norway = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        var kenyaAction = (await kenya.GetDocumentAsync("/poc")).QuerySelector("section[aria-labelledby=action-heading]")!.TextContent;
        var norwayAction = (await norway.GetDocumentAsync("/poc")).QuerySelector("section[aria-labelledby=action-heading]")!.TextContent;

        kenyaAction.ShouldContain("KE0034");
        kenyaAction.ShouldContain("past their due date and not complete");
        // Norway's published fourth plan has a milestone past its due date.
        norwayAction.ShouldContain("NO0087");
        norwayAction.ShouldNotContain("KE0034");
        kenyaAction.ShouldNotContain("NO0087");
    }

    [Fact]
    public async Task IrmLanding_ShowsOnlyAssignedPlans()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);

        var plans = (await client.GetDocumentAsync("/irm")).QuerySelectorAll("main article").Select(r => r.TextContent).ToList();

        // Denmark's two-year plan gets an Action Plan Review and a Results Report, not a Midterm Review.
        var plan = plans.ShouldHaveSingleItem();
        plan.ShouldContain("Denmark's fourth national action plan 2017–2019");
        plan.ShouldContain("Action Plan Review");
        plan.ShouldContain("Results Report");
        plan.ShouldNotContain("Midterm Review");
    }

    [Fact]
    public async Task SupportUnitLanding_ListsSubmittedPlansForReview()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var page = await client.GetDocumentAsync("/support-unit");

        var review = page.QuerySelector("section[aria-labelledby=review-heading]")!.TextContent;
        review.ShouldContain("Dominican Republic's sixth action plan 2026–2028");
        review.ShouldNotContain("Norway");
    }
}
