using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The search box in the site's header (issue 21): it searches commitments, and above them lists the public
/// members, plans, IRM reports and Challenge entries the words find. Over the demo data, with Kenya's Challenge entries added.
/// </summary>
public sealed class SiteSearchTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/statistics")]
    [InlineData("/account/login")]
    public async Task EveryPage_HasTheSearchBox_ALabelledFieldThatSearchesCommitments(string path)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync(path);

        var form = page.QuerySelector("header form[role=search]").ShouldBeAssignableTo<IHtmlFormElement>()!;
        form.Method.ShouldBe("get");
        form.GetAttribute("action").ShouldBe("/commitments");
        var input = form.QuerySelector("input[name=q]")!;
        page.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim().ShouldBe("Search the portal");
    }

    [Fact]
    public async Task AMembersName_FindsTheMember_ItsPublicPlans_AndItsPublishedReports_AboveTheCommitments()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var expectedPlans = await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Member.Code == "KE" && (p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed))
            .Select(p => p.Id).ToListAsync());
        var expectedReports = await factory.WithDbAsync(db => db.IrmReports
            .Where(r => r.ActionPlan.Member.Code == "KE" && r.Status == ReportStatus.Published
                && (r.ActionPlan.Status == ActionPlanStatus.Published || r.ActionPlan.Status == ActionPlanStatus.Closed))
            .Select(r => r.Id).ToListAsync());
        expectedPlans.ShouldNotBeEmpty();

        var page = await visitor.GetDocumentAsync("/commitments?q=kenya");

        Found(page, "Member").ShouldBe(["/members/KE"]);
        Found(page, "ActionPlan").ShouldBe(expectedPlans.Take(5).Select(id => $"/action-plans/{id}"), ignoreOrder: true);
        Found(page, "IrmReport").ShouldBe(expectedReports.Take(5).Select(id => $"/reports/{id}"), ignoreOrder: true);
        page.QuerySelector("#also-found")!.CompareDocumentPosition(page.QuerySelector("#results")!)
            .HasFlag(AngleSharp.Dom.DocumentPositions.Following).ShouldBeTrue("the records come above the commitments");
    }

    [Theory]
    [InlineData("noruega")]
    [InlineData("Norvège")]
    [InlineData("norvege")]
    [InlineData("NORW")]
    [InlineData("no")]
    public async Task AMember_IsFoundByItsNameInEveryLanguage_AccentsAndCaseFolded_AlsoByTheStartOfIt(string words)
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(words)}");

        Found(page, "Member").ShouldContain("/members/NO");
    }

    [Fact]
    public async Task APlanOrEntryNotPublic_IsNeverListed_ThoughItsWordsAreSearched()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        await SeedEntriesAsync();
        var hiddenPlans = await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Status != ActionPlanStatus.Published && p.Status != ActionPlanStatus.Closed && p.Title != "")
            .Select(p => new { p.Id, p.Title }).ToListAsync());
        var hiddenEntries = await factory.WithDbAsync(db => db.ChallengeEntries
            .Where(e => e.Status != ChallengeEntryStatus.Accepted).Select(e => new { e.Id, e.Title }).ToListAsync());
        hiddenPlans.ShouldNotBeEmpty();
        hiddenEntries.Count.ShouldBe(3, "the draft, submitted and returned entries seeded");

        foreach (var plan in hiddenPlans)
        {
            var page = await visitor.GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(plan.Title)}");
            Found(page, "ActionPlan").ShouldNotContain($"/action-plans/{plan.Id}", plan.Title);
        }

        foreach (var entry in hiddenEntries)
        {
            var page = await visitor.GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(entry.Title)}");
            Found(page, "ChallengeEntry").ShouldBeEmpty(entry.Title);
        }
    }

    [Fact]
    public async Task AnAcceptedChallengeEntry_IsFoundByTheWordsOfItsTitle_AndByItsMember()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        await SeedEntriesAsync();
        var id = await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Title == AcceptedEntry).Select(e => e.Id).SingleAsync());

        var byTitle = await visitor.GetDocumentAsync("/commitments?q=zephyrine+regis");
        var byMember = await visitor.GetDocumentAsync("/commitments?q=kenya");

        Found(byTitle, "ChallengeEntry").ShouldBe([$"/challenge/{id}"]);
        Found(byMember, "ChallengeEntry").ShouldBe([$"/challenge/{id}"]);
        byTitle.QuerySelector("#also-found")!.TextContent.ShouldContain(AcceptedEntry);
    }

    private const string AcceptedEntry = "Open the Zephyrine courts register";

    /// <summary>Kenya's Challenge entries, one in each status (the demo data has none), once for the class.</summary>
    private Task<int> SeedEntriesAsync() => factory.WithDbAsync(async db =>
    {
        if (await db.ChallengeEntries.AnyAsync(e => e.Title == AcceptedEntry))
        {
            return 0;
        }

        var kenya = await db.Members.SingleAsync(m => m.Code == "KE");
        var now = DateTime.UtcNow;
        ChallengeEntry Entry(string title) => ChallengeEntry.Draft(
            kenya,
            new ChallengeEntryText(title, null, ChallengeArea.Justice, Participation.StandaloneCommitment, null, GovernmentLevel.National, null, "Judiciary", OgpValues.None),
            [("Law in force", DateOnly.FromDateTime(now).AddMonths(6))]);
        var submitted = Entry("Quorlax submitted register");
        submitted.Submit(PortalRole.PointOfContact, now);
        var returned = Entry("Quorlax returned register");
        returned.Submit(PortalRole.PointOfContact, now);
        returned.Return(PortalRole.SupportUnit, "Name the lead institution.");
        var accepted = Entry(AcceptedEntry);
        accepted.Submit(PortalRole.PointOfContact, now);
        accepted.Accept(PortalRole.SupportUnit, now);
        db.ChallengeEntries.AddRange(Entry("Quorlax draft register"), submitted, returned, accepted);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ASearchNarrowedByAFilter_IsAboutCommitmentsOnly()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/commitments?q=kenya&region=AfricaAndTheMiddleEast");

        page.QuerySelector("#also-found").ShouldBeNull();
    }

    /// <summary>The links listed under one kind of record in "Also found".</summary>
    private static List<string> Found(IHtmlDocument page, string kind) =>
        [.. page.QuerySelectorAll($"#also-found ul[aria-labelledby='also-found-{kind}'] a").Select(a => a.GetAttribute("href")!)];
}
