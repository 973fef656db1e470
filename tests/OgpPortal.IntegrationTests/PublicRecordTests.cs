using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The public member, plan and commitment pages: published data only.</summary>
public sealed class PublicRecordTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task PlanPage_ShowsCommitmentsMilestonesAndProgress()
    {
        var id = await PlanIdAsync("DK", 4);
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"/action-plans/{id}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Denmark's fourth national action plan 2017–2019");
        page.QuerySelectorAll("main article").Length.ShouldBe(14);
        var first = page.QuerySelector("main article")!;
        first.QuerySelector("h3")!.TextContent.ShouldBe("DK0041: Open data on public spending through a central portal");
        first.QuerySelectorAll("tbody tr").Length.ShouldBe(3);
        first.QuerySelector("progress")!.GetAttribute("value").ShouldBe("67");
    }

    [Theory]
    [InlineData("NO", 5)]
    [InlineData("DO", 6)]
    public async Task PlanPage_OfAnUnpublishedPlan_IsNotFound(string member, int number)
    {
        var id = await PlanIdAsync(member, number);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/action-plans/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Norway's fifth action plan");
    }

    [Fact]
    public async Task CommitmentPage_ShowsTheTemplateTextAndMilestones_EvenWithALowerCaseIdentifier()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/commitments/ke0030");

        page.QuerySelector("h1")!.TextContent.ShouldContain("KE0030");
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("Business Registration Service");
        text.ShouldContain("Beneficial Ownership");
        text.ShouldContain("Anti-Corruption");
        text.ShouldContain("self-assessed completion: Substantial");
        page.QuerySelectorAll("#milestones-heading + table tbody tr").Length.ShouldBe(3);
    }

    [Theory]
    [InlineData("NO0090")]
    [InlineData("DO0050")]
    [InlineData("ZZ9999")]
    public async Task CommitmentPage_OfAnUnpublishedOrUnknownCommitment_IsNotFound(string identifier)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/commitments/{identifier}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MemberProfile_ListsOnlyPublishedPlans()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/members/NO");

        page.QuerySelector("h1")!.TextContent.ShouldContain("Norway");
        var plans = page.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        plans.Count.ShouldBe(1);
        plans[0].ShouldContain("Norway's fourth action plan 2025–2026");
    }

    [Fact]
    public async Task MemberList_FiltersByKind()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/members?kind=Local");

        var names = page.QuerySelectorAll("main tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        names.ShouldBe(["Buenos Aires", "Elgeyo Marakwet", "Madrid", "Scotland"]);
    }

    [Fact]
    public async Task MemberList_WithNonsenseFilters_StillAnswers()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/members?kind=Galactic&page=-4", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MarkdownFromStaff_IsRenderedButScriptsAreNot()
    {
        var id = await PlanIdAsync("KE", 5);
        const string Hostile = "**Forum** met <script>alert('x')</script> [minutes](javascript:alert(1)) <img src=x onerror=alert(1)>";
        await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CoCreationSummary, Hostile)));
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/action-plans/{id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<strong>Forum</strong>");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;");
    }

    private Task<int> PlanIdAsync(string memberCode, int number) =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == memberCode && p.Number == number).Select(p => p.Id).SingleAsync());
}
