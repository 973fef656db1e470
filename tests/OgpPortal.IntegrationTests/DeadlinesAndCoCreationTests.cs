using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The deadlines dashboard and a plan's co-creation checklist, computed from the records.</summary>
public sealed class DeadlinesAndCoCreationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Dashboard_PlacesEachMemberByItsCurrentCycle_AndListsTheCycleCountedContraryToProcess()
    {
        // Joined three years ago and never published: its earlier cycles were counted contrary to process, and it
        // is in this year's cycle (or next year's, after 1 January), not flagged since its first deadline.
        await AddMemberAsync("ZCP", "Zed Contrary", Today.Year - 3, Today.Year % 2 == 0 ? Cohort.OddYears : Cohort.EvenYears);
        var cycle = PlanDeadlines.Cycle(PlanDeadlines.NextDeadline(Today.Year % 2 == 0 ? Cohort.OddYears : Cohort.EvenYears, Today.Year - 3, null, null), Today);

        // A deadline still ahead: this year's 31 August if it has not passed, else next year's; the member
        // joined the year before (a member's first deadline falls in a cohort year after it joined).
        var dueYear = Today <= new DateOnly(Today.Year, 8, 31) ? Today.Year : Today.Year + 1;
        await AddMemberAsync("ZDU", "Zed Due", dueYear - 1, dueYear % 2 == 0 ? Cohort.EvenYears : Cohort.OddYears);

        // Joined this year in the cohort of this year: not late at once, due in two years' time.
        await AddMemberAsync("ZNW", "Zed Newcomer", Today.Year, Today.Year % 2 == 0 ? Cohort.EvenYears : Cohort.OddYears);
        await AddMemberAsync("ZNC", "Zed Nocohort", Today.Year, null);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var page = await staff.GetDocumentAsync("/support-unit/deadlines");

        var missed = page.GetElementById("missed-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Zed Contrary", StringComparison.Ordinal));
        missed.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).ShouldBe([
            cycle.MissedDeadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            cycle.CountedContraryOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            cycle.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ]);
        Section(page, cycle.Standing == DeadlineStanding.Late ? "late-heading" : "due-heading").ShouldContain("Zed Contrary");
        Section(page, "due-heading").ShouldContain("Zed Due");
        Section(page, "due-heading").ShouldContain($"31 August {dueYear}");
        Section(page, "missed-heading").ShouldNotContain("Zed Due");
        Section(page, "late-heading").ShouldNotContain("Zed Newcomer");
        Section(page, "missed-heading").ShouldNotContain("Zed Newcomer");
        Section(page, "cohort-heading").ShouldContain("Zed Nocohort");
        page.QuerySelector("main")!.TextContent.ShouldContain("OGP counts a cycle as contrary to process when its plan is not delivered by 1 January");
    }

    [Fact]
    public async Task PocDashboard_StatesTheCurrentCycleNeutrally_WithTheRuleAndThePreviousCycle()
    {
        await AddMemberAsync("ZPC", "Zed Pointofcontact", Today.Year - 3, Cohort.EvenYears);
        var cycle = PlanDeadlines.Cycle(PlanDeadlines.NextDeadline(Cohort.EvenYears, Today.Year - 3, null, null), Today);
        var poc = await factory.CreatePointOfContactAsync("ZPC");
        using var client = await factory.SignedInClientAsync(poc.Email!);

        var action = (await client.GetDocumentAsync("/poc")).QuerySelector("section[aria-labelledby=action-heading]")!.TextContent;

        action.ShouldContain($"ZPC's next action plan: not yet delivered — due {cycle.Deadline:d MMMM yyyy}");
        action.ShouldContain($"The previous plan, due {cycle.MissedDeadline:d MMMM yyyy}, was not delivered by 1 January, which OGP counts as acting contrary to process");
        action.ShouldNotContain("the member is acting contrary to process");
    }

    [Fact]
    public async Task Dashboard_FlagsAPlanWithLessThan20MonthsLeftForImplementation()
    {
        // A two-year plan that started six months ago and is still not published has 18 months left at most.
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-6);
        var planId = await factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == "ES");
            var plan = ActionPlan.CreateDraft(member, 9, "Spain's late plan", start, start.AddMonths(24).AddDays(-1));
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var page = await staff.GetDocumentAsync("/support-unit/deadlines");

        Section(page, "short-heading").ShouldContain("Spain, action plan 9");
        page.QuerySelector($"#short-heading ~ table a[href='/support-unit/plans/{planId}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task CoCreationChecklist_ShowsMetAndNotMet_AndMeetingsKeepItCurrent()
    {
        // The Dominican Republic's sixth plan began on 1 September 2026.
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "DO" && p.Number == 6).Select(p => p.Id).SingleAsync());
        var url = $"/support-unit/plans/{planId}";
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        (await Checklist(staff, url)).ShouldAllBe(c => c.StartsWith("Not met", StringComparison.Ordinal));

        using var badUrl = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["CoCreation.ForumName"] = "Mesa de Gobierno Abierto", ["CoCreation.RepositoryUrl"] = "ftp://files" }, "form[action$='/co-creation']");
        (await HtmlForms.ParseAsync(badUrl)).QuerySelector("#CoCreation_RepositoryUrl-error")!.TextContent.ShouldBe("Enter a web address starting with http:// or https://.");
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.ForumName).SingleAsync())).ShouldBeNull();

        using var saved = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["CoCreation.ForumName"] = "Mesa de Gobierno Abierto", ["CoCreation.RepositoryUrl"] = "https://example.gob.do/gobierno-abierto" }, "form[action$='/co-creation']");
        using var future = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Meeting.HeldOn"] = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "form[action$='/meetings']");
        // The message is the meeting form's own, in its summary beside it, not above the co-creation record.
        var refused = await HtmlForms.ParseAsync(future);
        refused.QuerySelector("section[aria-labelledby=meetings-heading] [role=alert]")!.TextContent.ShouldContain("Record meetings that have taken place; this date is in the future.");
        refused.QuerySelector("section[aria-labelledby=cocreation-record-heading] [role=alert]").ShouldBeNull();
        using var meeting = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Meeting.HeldOn"] = Today.AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Meeting.Note"] = "Mid-term review" }, "form[action$='/meetings']");

        var checks = await Checklist(staff, url);
        checks[0].ShouldStartWith("Met");
        checks[1].ShouldStartWith("Met");
        checks[2].ShouldStartWith("Not met");
        var trace = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectType == "ActionPlan" && a.SubjectKey == "DO/6" && a.EntityType == "ForumMeeting").CountAsync());
        trace.ShouldBe(1);
    }

    [Fact]
    public async Task PlanRecordAndDeadlines_AreForTheSupportUnitOnly()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        (await poc.GetAsync(new Uri($"/support-unit/plans/{planId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await poc.GetAsync(new Uri("/support-unit/deadlines", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static string Section(AngleSharp.Html.Dom.IHtmlDocument page, string headingId) =>
        page.GetElementById(headingId)?.ParentElement?.TextContent ?? throw new InvalidOperationException($"No section {headingId}.");

    private static async Task<List<string>> Checklist(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("#checklist-heading ~ ul li").Select(li => li.TextContent.Trim()).ToList();

    private Task<int> AddMemberAsync(string code, string name, int joined, Cohort? cohort) =>
        factory.WithDbAsync(async db =>
        {
            db.Members.Add(new Member { Code = code, Name = name, Kind = MemberKind.Local, Region = Region.Europe, JoinedYear = joined, Cohort = cohort });
            return await db.SaveChangesAsync();
        });
}
