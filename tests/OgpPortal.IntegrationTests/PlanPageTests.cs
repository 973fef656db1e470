using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>A published plan as the public reads, downloads and prints it.</summary>
public sealed class PlanPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task PlansOwnCsv_HasTheOpenDataColumnsAndExactlyThePlansCommitmentsInItsOrder()
    {
        var (planId, identifiers) = await PlanAsync("DK", 4);
        using var visitor = factory.CreateBrowserlikeClient();

        var (header, rows) = await CsvAsync(visitor, $"/action-plans/{planId}/commitments.csv");
        var (openDataHeader, _) = await CsvAsync(visitor, "/data/commitments.csv");

        header.ShouldBe(openDataHeader);
        rows.Select(r => r[Array.IndexOf(header, "identifier")]).ShouldBe(identifiers);
    }

    [Fact]
    public async Task PlansMilestonesCsv_ListsOnlyThePlansMilestones()
    {
        var (planId, identifiers) = await PlanAsync("DK", 4);
        var milestones = await factory.WithDbAsync(db => db.Milestones.CountAsync(m => m.Commitment.ActionPlanId == planId));
        using var visitor = factory.CreateBrowserlikeClient();

        var (header, rows) = await CsvAsync(visitor, $"/action-plans/{planId}/milestones.csv");

        rows.Count.ShouldBe(milestones);
        rows.Select(r => r[Array.IndexOf(header, "commitmentIdentifier")]).Distinct().ShouldBeSubsetOf(identifiers);
    }

    [Fact]
    public async Task PlansCsv_OfAPlanNotPublic_IsNotFound()
    {
        // Norway's fifth plan is in consultation: its drafts are not public records.
        var (planId, _) = await PlanAsync("NO", 5);
        using var visitor = factory.CreateBrowserlikeClient();

        using var commitments = await visitor.GetAsync(new Uri($"/action-plans/{planId}/commitments.csv", UriKind.Relative));
        using var milestones = await visitor.GetAsync(new Uri($"/action-plans/{planId}/milestones.csv", UriKind.Relative));

        commitments.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        milestones.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALongPlan_HasATableOfContents_AndItsCommitmentsFoldedWithTheirFullText()
    {
        var (planId, identifiers) = await PlanAsync("DK", 4);
        identifiers.Count.ShouldBeGreaterThan(3);
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/action-plans/{planId}");

        var contents = page.QuerySelectorAll("nav[aria-labelledby=toc-heading] a").Select(a => a.GetAttribute("href")).ToList();
        contents.ShouldContain("#commitments-heading");
        contents.ShouldContain("#checklist-heading");
        foreach (var identifier in identifiers)
        {
            contents.ShouldContain($"#c-{identifier}");
            page.GetElementById($"c-{identifier}").ShouldNotBeNull();
        }

        var folded = page.QuerySelectorAll("article.plan-commitment details").ToList();
        folded.Count.ShouldBe(identifiers.Count);
        folded.ShouldAllBe(d => !d.HasAttribute("open"));
        folded[0].TextContent.ShouldContain("Lead institution");
    }

    [Fact]
    public async Task AShortPlan_ShowsItsCommitmentsOpen_WithoutATableOfContents()
    {
        var (planId, identifiers) = await factory.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.Where(p => p.Status == Domain.ActionPlans.ActionPlanStatus.Published && p.Commitments.Count > 0 && p.Commitments.Count <= 3)
                .OrderBy(p => p.Id).Select(p => new { p.Id, Count = p.Commitments.Count }).FirstAsync();
            return (plan.Id, plan.Count);
        });
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/action-plans/{planId}");

        page.QuerySelector("nav[aria-labelledby=toc-heading]").ShouldBeNull();
        var details = page.QuerySelectorAll("article.plan-commitment details").ToList();
        details.Count.ShouldBe(identifiers);
        details.ShouldAllBe(d => d.HasAttribute("open"));
    }

    private Task<(int Id, List<string> Identifiers)> PlanAsync(string memberCode, int number) =>
        factory.WithDbAsync(async db =>
        {
            var id = await db.ActionPlans.Where(p => p.Member.Code == memberCode && p.Number == number).Select(p => p.Id).SingleAsync();
            var identifiers = await db.Commitments.Where(c => c.ActionPlanId == id).OrderBy(c => c.Position).Select(c => c.Identifier).ToListAsync();
            return (id, identifiers);
        });

    private static async Task<(string[] Header, List<string[]> Rows)> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        using var csv = CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        string[]? header = null;
        foreach (var row in csv)
        {
            header ??= [.. csv.Headers!];
            var values = new string[header.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row.GetString(i);
            }

            rows.Add(values);
        }

        return (header ?? [.. csv.Headers ?? []], rows);
    }
}
