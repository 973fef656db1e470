using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using static OgpPortal.IntegrationTests.CommitmentSearchTests;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// What is not public (draft and submitted plans, IRM reports not yet published) never reaches the search,
/// its facets or the statistics; the full-text index follows edits. Changes the data, so it has its own database.
/// </summary>
public sealed class PublicSearchAndStatisticsLeakTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task CommitmentsOfPlansThatAreNotPublic_AreNeverFound()
    {
        // NO0090 is in Norway's draft plan, DO0050 in the Dominican Republic's submitted plan.
        await SetDescriptionAsync("NO0090", "Hemmeligutkast draft text about quokkaleak.");
        await SetDescriptionAsync("DO0050", "Submitted text about quokkaleak and wombatleak.");
        using var visitor = factory.CreateBrowserlikeClient();

        foreach (var words in new[] { "quokkaleak", "wombatleak", "Hemmeligutkast", "quokka" })
        {
            var page = await visitor.GetDocumentAsync($"/commitments?q={words}");
            Total(page).ShouldBe(0, words);
            Facet(page, "region").Values.Sum().ShouldBe(0, words);
        }

        (await visitor.GetDocumentAsync("/commitments?member=NO&year=2027")).QuerySelectorAll("#results li").Length.ShouldBe(0);
        var all = await visitor.GetDocumentAsync("/commitments");
        Facet(all, "member")["NO"].ShouldBe(2, "only Norway's closed fourth plan");
        Facet(all, "member")["DO"].ShouldBe(2, "only the Dominican Republic's closed fifth plan");
        Facet(all, "year").GetValueOrDefault("2027").ShouldBe(await factory.WithDbAsync(db => db.Commitments.CountAsync(c =>
            (c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed) && c.ActionPlan.PeriodStart.Year <= 2027 && c.ActionPlan.PeriodEnd.Year >= 2027)), "not Norway's draft plan of 2027");
        Facet(all, "region").Values.Sum().ShouldBe(Total(all));
        Total(all).ShouldBe(await PublicCountAsync());
    }

    [Fact]
    public async Task FullTextIndex_IsKeptInStepAfterTheMigrations_AndAnEditedCommitmentIsFoundByItsNewWords()
    {
        // What keeps the index in step with the table: SQLite's three triggers over its FTS5 table, PostgreSQL's
        // generated tsvector column and its GIN index.
        if (TestDatabase.IsPostgreSql)
        {
            var objects = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
                """
                SELECT column_name || ' ' || is_generated AS "Value" FROM information_schema.columns WHERE table_name = 'Commitments' AND column_name = 'SearchVector'
                UNION ALL SELECT indexname || ' ' || (indexdef LIKE '%USING gin%')::text FROM pg_indexes WHERE tablename = 'Commitments' AND indexname = 'IX_Commitments_SearchVector'
                """).ToListAsync());
            objects.ShouldBe(["SearchVector ALWAYS", "IX_Commitments_SearchVector true"], ignoreOrder: true);
        }
        else
        {
            var triggers = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
                "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Commitments'").ToListAsync());
            triggers.ShouldBe(["Commitments_SearchDelete", "Commitments_SearchInsert", "Commitments_SearchUpdate"], ignoreOrder: true);
        }

        // An edit through EF Core (as every screen saves), then a search for the new and the old words.
        var status = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Status).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(await db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync(), CancellationToken.None);
            var commitment = plan!.Commitments.Single(c => c.Identifier == "NO0091");
            commitment.UpdateText(new CommitmentText("Innsyn i offentlige dokumenter på nett", null, "Problem", "Offentleglova skal følges opp med åpenhet i eInnsyn.", "How", "Digitaliseringsdirektoratet", null, null, null, OgpValues.AccessToInformation));
            return await db.SaveChangesAsync();
        });
        // Publishing through the workflow would need the whole review; the test moves the plan on directly.
        await SetNorwayFifthPlanStatusAsync(ActionPlanStatus.Published);
        using var visitor = factory.CreateBrowserlikeClient();

        Identifiers(await visitor.GetDocumentAsync("/commitments?q=offentleglova")).ShouldBe(["NO0091"]);
        Identifiers(await visitor.GetDocumentAsync("/commitments?q=åpenhet+eInnsyn")).ShouldBe(["NO0091"]);
        Identifiers(await visitor.GetDocumentAsync("/commitments?q=Proactive+publication+records")).ShouldNotContain("NO0091");

        await SetNorwayFifthPlanStatusAsync(status);
        Total(await visitor.GetDocumentAsync("/commitments?q=offentleglova")).ShouldBe(0);
    }

    [Fact]
    public async Task IrmFindings_CountOnlyOncePublished_InFacetsAndStatistics()
    {
        await factory.WithDbAsync(async db =>
        {
            // Spain's closed plan: a published Results Report and Action Plan Review.
            var spain = (await db.LoadPlanAsync(await PlanIdAsync(db, "ES", 4), CancellationToken.None))!;
            var results = IrmReport.Start(spain, ReportType.ResultsReport);
            results.Assess(spain.Commitments.Single(c => c.Identifier == "ES0040"), new AssessmentValues(Completion: Completion.Complete, EarlyResults: EarlyResults.Major));
            results.Assess(spain.Commitments.Single(c => c.Identifier == "ES0041"), new AssessmentValues(Completion: Completion.Limited, EarlyResults: EarlyResults.Marginal));
            Publish(results, "Spain's results.");
            var review = IrmReport.Start(spain, ReportType.ActionPlanReview);
            review.Assess(spain.Commitments.Single(c => c.Identifier == "ES0042"), new AssessmentValues(true, OgpValues.PublicAccountability, PotentialForResults.Substantial, Promising: true, PromisingReason: "A first integrity system."));
            Publish(review, "Spain's review.");

            // Armenia's closed plan: a Results Report still in draft.
            var armenia = (await db.LoadPlanAsync(await PlanIdAsync(db, "AM", 5), CancellationToken.None))!;
            var draft = IrmReport.Start(armenia, ReportType.ResultsReport);
            draft.Assess(armenia.Commitments.First(), new AssessmentValues(Completion: Completion.NotStarted, EarlyResults: EarlyResults.Worsened));

            // The Dominican Republic's submitted plan: a published review on a plan that is not public.
            var dominican = (await db.LoadPlanAsync(await PlanIdAsync(db, "DO", 6), CancellationToken.None))!;
            var hidden = IrmReport.Start(dominican, ReportType.ActionPlanReview);
            hidden.Assess(dominican.Commitments.First(), new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Unclear, Promising: true, PromisingReason: "Hidden."));
            Publish(hidden, "Not public.");
            db.IrmReports.AddRange(results, review, draft, hidden);
            return await db.SaveChangesAsync();
        });
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/commitments");
        var completion = Facet(page, "completion");
        (completion["Complete"], completion["Limited"], completion["NotStarted"]).ShouldBe((1, 1, 0));
        var potential = Facet(page, "potential");
        (potential["Substantial"], potential["Unclear"]).ShouldBe((1, 0));
        page.QuerySelector("label[for=facet-promising]")!.TextContent.ShouldContain("(1)");
        Identifiers(await visitor.GetDocumentAsync("/commitments?promising=true")).ShouldBe(["ES0042"]);
        Identifiers(await visitor.GetDocumentAsync("/commitments?completion=Complete")).ShouldBe(["ES0040"]);
        Identifiers(await visitor.GetDocumentAsync("/commitments?completion=NotStarted")).ShouldBeEmpty();
        Identifiers(await visitor.GetDocumentAsync("/commitments?starred=true")).ShouldBe(["DK0041", "DK0042"], ignoreOrder: true, "Denmark's legacy assessments of DK0041 and DK0042 meet the starred rule");

        var statistics = await visitor.GetDocumentAsync("/statistics");
        StatisticsTests.Rendered(statistics, "irm-completion").ShouldBe("No evidence available: 0; Not started: 0; Limited: 1; Substantial: 0; Complete: 1");
        var early = StatisticsTests.Table(statistics, "early-results");
        early["Worsened"].ShouldBe([0, 0]);
        early["Major"].ShouldBe([1, 1]);
        early["Marginal"].ShouldBe([1, 1]);
    }

    [Fact]
    public async Task Statistics_CountPublicPlansAndCommitmentsOnly()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/statistics");

        var publicPlans = await factory.WithDbAsync(db => db.ActionPlans.CountAsync(p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed));
        var allPlans = await factory.WithDbAsync(db => db.ActionPlans.CountAsync());
        allPlans.ShouldBeGreaterThan(publicPlans, "the demo data has draft and submitted plans");
        StatisticsTests.Table(page, "plans").Values.Sum(v => v.Sum()).ShouldBe(publicPlans);
        StatisticsTests.Table(page, "plans").ShouldNotContainKey("2027", "Norway's draft plan starts in 2027");
        StatisticsTests.Table(page, "regions").Values.Sum(v => v[0]).ShouldBe(await PublicCountAsync());
        StatisticsTests.Table(page, "progress").Values.Sum(v => v[0]).ShouldBe(await PublicCountAsync());
    }

    private Task<int> SetNorwayFifthPlanStatusAsync(ActionPlanStatus status) =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status)));

    private static void Publish(IrmReport report, string summary)
    {
        report.UpdateText(summary, null, null);
        report.OpenForComment(PortalRole.IrmResearcher, "Only the commitments this test needs are assessed.");
        report.Publish(PortalRole.IrmResearcher, new DateOnly(2025, 3, 1));
    }

    private static Task<int> PlanIdAsync(PortalDbContext db, string code, int number) =>
        db.ActionPlans.Where(p => p.Member.Code == code && p.Number == number).Select(p => p.Id).SingleAsync();

    private Task<int> PublicCountAsync() =>
        factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed));

    private Task<int> SetDescriptionAsync(string identifier, string text) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, text)));
}
