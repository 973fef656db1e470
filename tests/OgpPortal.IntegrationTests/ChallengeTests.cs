using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Challenge;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The Open Gov Challenge register: eligibility, workflow, scoping and public visibility.</summary>
public sealed class ChallengeTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string Future(int months) => DateTime.UtcNow.AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Entry(string title) => new()
    {
        ["Title"] = title,
        ["Description"] = "Publishes every registered civil-society organisation.",
        ["Area"] = "CivicSpace",
        ["Participation"] = "ActionPlanCommitment",
        ["CommitmentIdentifier"] = "KE0034",
        ["Level"] = "National",
        ["LeadInstitution"] = "NGO Coordination Board",
        ["CivicParticipation"] = "true",
        ["Milestones[0].Title"] = "Register online",
        ["Milestones[0].DueDate"] = Future(6),
    };

    [Fact]
    public async Task Entry_IsDraftedSubmittedAcceptedAndFlagged_ThenPublicWithPromisingFirst()
    {
        var kenya = await MemberIdAsync("KE");
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var visitor = factory.CreateBrowserlikeClient();

        using var created = await poc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", Entry("Open NGO register"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Title == "Open NGO register").Select(e => e.Id).SingleAsync());
        (await visitor.GetAsync(new Uri($"/challenge/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is not public");

        using var submitted = await poc.SubmitFormAsync($"/poc/challenge/{id}", new Dictionary<string, string>(), "form[action$='/submit']");
        (await visitor.GetAsync(new Uri($"/challenge/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a submitted entry is not public yet");
        using var accepted = await staff.SubmitFormAsync($"/support-unit/challenge/{id}", new Dictionary<string, string>(), "form[action$='/accept']");
        using var noReason = await staff.SubmitFormAsync($"/support-unit/challenge/{id}", new Dictionary<string, string> { ["reason"] = "" }, "form[action$='/promising']");
        using var flagged = await staff.SubmitFormAsync($"/support-unit/challenge/{id}", new Dictionary<string, string> { ["reason"] = "The first open NGO register in the region." }, "form[action$='/promising']");

        (await noReason.MainTextAsync()).ShouldNotContain("flagged as promising");
        var entry = await factory.WithDbAsync(db => db.ChallengeEntries.SingleAsync(e => e.Id == id));
        (entry.Status, entry.Promising, entry.PromisingReason).ShouldBe((ChallengeEntryStatus.Accepted, true, "The first open NGO register in the region."));
        var list = await visitor.GetDocumentAsync("/challenge?area=CivicSpace");
        list.QuerySelector("#entries li a")!.TextContent.ShouldBe("Open NGO register");
        (await (await visitor.GetAsync(new Uri($"/challenge/{id}", UriKind.Relative))).MainTextAsync()).ShouldContain("The first open NGO register in the region.");
        (await visitor.GetDocumentAsync("/challenge?area=Justice")).QuerySelectorAll("#entries li").Length.ShouldBe(0);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubjectType == "Challenge" && a.MemberCode == "KE"));
        audit.ShouldBeGreaterThanOrEqualTo(4);
        var told = (await factory.MailsToAsync(DemoAccounts.PocKenya)).Select(m => m.Subject).ToList();
        told.Count(s => s == "Open Gov Challenge entry accepted: Open NGO register").ShouldBe(1);
        told.Count(s => s == "Open Gov Challenge entry flagged as promising: Open NGO register").ShouldBe(1, "the refused flag without a reason sent nothing");
    }

    [Theory]
    [InlineData("LeadInstitution", "", "LeadInstitution", "Name the lead public institution: the Challenge requires public-sector ownership.")]
    [InlineData("Area", "Space", "Area", "“Space” is not a valid challenge area.")]
    [InlineData("CommitmentIdentifier", "NO0090", "CommitmentIdentifier", "Kenya has no commitment NO0090; link one of its own.")]
    [InlineData("CommitmentIdentifier", "KE9999", "CommitmentIdentifier", "Kenya has no commitment KE9999; link one of its own.")]
    [InlineData("Milestones[0].DueDate", "", "Milestones", "Give the reform at least one milestone with its due date.")]
    public async Task Entry_WithBadInput_GetsAFieldMessage_AndNothingIsSaved(string field, string value, string errorField, string message)
    {
        var kenya = await MemberIdAsync("KE");
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var before = await factory.WithDbAsync(db => db.ChallengeEntries.CountAsync());
        var fields = Entry("Bad entry");
        fields[field] = value;
        if (field.StartsWith("Milestones", StringComparison.Ordinal))
        {
            fields["Milestones[0].Title"] = "";
        }

        using var response = await poc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector($"#{errorField}-error")?.TextContent.Trim().ShouldBe(message);
        (await response.MainTextAsync()).ShouldContain(message);
        (await factory.WithDbAsync(db => db.ChallengeEntries.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Entry_WithOnlyPastMilestones_IsRefusedAtItsMilestones()
    {
        var kenya = await MemberIdAsync("KE");
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var fields = Entry("Finished reform");
        fields["Milestones[0].DueDate"] = "2024-01-31";

        using var response = await poc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("a[href='#Milestones']")!.TextContent.ShouldBe("The Challenge is for ongoing or planned reforms: give at least one milestone due today or later.");
        (await factory.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.Title == "Finished reform"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_OnceEveryMilestoneHasPassed_IsRefused()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == "KE");
            var entry = ChallengeEntry.Draft(member, new ChallengeEntryText("Reform that ran out of time", null, Domain.Commitments.ChallengeArea.Justice, Participation.StandaloneCommitment, null, GovernmentLevel.National, null, "Judiciary", Domain.Commitments.OgpValues.None), [("Done", new DateOnly(2024, 1, 31))]);
            db.ChallengeEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var submitted = await poc.SubmitFormAsync($"/poc/challenge/{id}", new Dictionary<string, string>(), "form[action$='/submit']");

        (await (await poc.GetAsync(new Uri($"/poc/challenge/{id}", UriKind.Relative))).MainTextAsync()).ShouldContain("The Challenge is for ongoing or planned reforms: give at least one milestone due today or later.");
        (await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync())).ShouldBe(ChallengeEntryStatus.Draft);
    }

    [Fact]
    public async Task PointsOfContact_ActOnlyForTheirMembers_AndOnlyStaffReview()
    {
        var kenya = await MemberIdAsync("KE");
        using var norway = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        using var kenyaPoc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var created = await kenyaPoc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", Entry("Kenya's own entry"));
        var id = await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Title == "Kenya's own entry").Select(e => e.Id).SingleAsync());

        (await norway.GetAsync(new Uri($"/poc/members/{kenya}/challenge/new", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await norway.GetAsync(new Uri($"/poc/challenge/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await norway.PostWithTokenAsync($"/poc/challenge/{id}/submit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await norway.PostWithTokenAsync($"/poc/challenge/{id}/edit", Entry("Taken over"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Id == id).Select(e => e.Title).SingleAsync())).ShouldBe("Kenya's own entry");
        (await kenyaPoc.PostWithTokenAsync($"/support-unit/challenge/{id}/accept")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync())).ShouldBe(ChallengeEntryStatus.Draft);
    }

    [Fact]
    public async Task Progress_CountsMembersWithAcceptedEntriesAgainstTheTarget_AndTheListExportsWithItsFilters()
    {
        var kenya = await MemberIdAsync("KE");
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var target = await staff.SubmitFormAsync("/support-unit/challenge/targets", new Dictionary<string, string> { ["targetArea"] = "DigitalGovernance", ["year"] = year, ["members"] = "4" });
        var fields = Entry("Open algorithm register");
        fields["Area"] = "DigitalGovernance";
        using var created = await poc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", fields);
        var id = await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Title == "Open algorithm register").Select(e => e.Id).SingleAsync());
        using var submitted = await poc.SubmitFormAsync($"/poc/challenge/{id}", new Dictionary<string, string>(), "form[action$='/submit']");
        using var accepted = await staff.SubmitFormAsync($"/support-unit/challenge/{id}", new Dictionary<string, string>(), "form[action$='/accept']");
        using var visitor = factory.CreateBrowserlikeClient();

        var row = (await visitor.GetDocumentAsync($"/challenge/progress?year={year}")).QuerySelectorAll("#progress tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList())
            .Single(r => r[0] == "Digital Governance");
        var json = await visitor.GetStringAsync(new Uri("/challenge/export.json?area=DigitalGovernance", UriKind.Relative));
        var csv = await visitor.GetStringAsync(new Uri("/challenge/export.csv?area=Justice", UriKind.Relative));

        row.ShouldBe(["Digital Governance", "1", "4", "Not yet"]);
        var entries = System.Text.Json.JsonDocument.Parse(json).RootElement;
        entries.GetArrayLength().ShouldBe(1);
        entries[0].GetProperty("title").GetString().ShouldBe("Open algorithm register");
        csv.ShouldNotContain("Open algorithm register");
        csv.ShouldContain("Challenge area");
    }

    [Fact]
    public async Task Target_OutOfRange_IsRefusedWithAMessage()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var response = await staff.SubmitFormAsync("/support-unit/challenge/targets", new Dictionary<string, string> { ["targetArea"] = "Justice", ["year"] = "2026", ["members"] = "0" });

        (await (await staff.GetAsync(new Uri("/support-unit/challenge/targets", UriKind.Relative))).MainTextAsync()).ShouldContain("A target is between 1 and 500 members.");
        (await factory.WithDbAsync(db => db.ChallengeTargets.CountAsync(t => t.Year == 2026 && t.Area == Domain.Commitments.ChallengeArea.Justice))).ShouldBe(0);
    }

    [Fact]
    public async Task OnlyAcceptedEntries_ArePublic_InTheList_ThePages_AndTheExports_AndUnpublishedCommitmentsAreNotNamed()
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var norway = await db.Members.SingleAsync(m => m.Code == "NO");
            var draftPlanCommitment = await db.Commitments.Include(c => c.ActionPlan).FirstAsync(c => c.ActionPlan.MemberId == norway.Id && c.ActionPlan.Number == 5);
            var now = DateTime.UtcNow;
            ChallengeEntry Make(string title, Domain.Commitments.Commitment? commitment = null) =>
                ChallengeEntry.Draft(norway, new ChallengeEntryText(title, null, Domain.Commitments.ChallengeArea.MediaFreedom, commitment is null ? Participation.StandaloneCommitment : Participation.ActionPlanCommitment, commitment, GovernmentLevel.National, null, "Ministry of Culture", Domain.Commitments.OgpValues.None), [("Law in force", DateOnly.FromDateTime(now).AddMonths(6))]);
            var draft = Make("Zeta draft");
            var submitted = Make("Zeta submitted");
            submitted.Submit(Domain.Access.PortalRole.PointOfContact, now);
            var returned = Make("Zeta returned");
            returned.Submit(Domain.Access.PortalRole.PointOfContact, now);
            returned.Return(Domain.Access.PortalRole.SupportUnit, "Needs a lead institution.");
            var accepted = Make("Zeta accepted", draftPlanCommitment);
            accepted.Submit(Domain.Access.PortalRole.PointOfContact, now);
            accepted.Accept(Domain.Access.PortalRole.SupportUnit, now);
            db.ChallengeEntries.AddRange(draft, submitted, returned, accepted);
            await db.SaveChangesAsync();
            return (Hidden: new[] { draft.Id, submitted.Id, returned.Id }, Accepted: accepted.Id, Identifier: draftPlanCommitment.Identifier);
        });
        using var visitor = factory.CreateBrowserlikeClient();

        var list = await (await visitor.GetAsync(new Uri("/challenge?area=MediaFreedom", UriKind.Relative))).MainTextAsync();
        var csv = await visitor.GetStringAsync(new Uri("/challenge/export.csv?area=MediaFreedom", UriKind.Relative));
        var json = await visitor.GetStringAsync(new Uri("/challenge/export.json?area=MediaFreedom", UriKind.Relative));
        var page = await (await visitor.GetAsync(new Uri($"/challenge/{ids.Accepted}", UriKind.Relative))).MainTextAsync();

        foreach (var text in new[] { list, csv, json })
        {
            text.ShouldContain("Zeta accepted");
            text.ShouldNotContain("Zeta draft");
            text.ShouldNotContain("Zeta submitted");
            text.ShouldNotContain("Zeta returned");
        }

        foreach (var hidden in ids.Hidden)
        {
            (await visitor.GetAsync(new Uri($"/challenge/{hidden}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        page.ShouldNotContain(ids.Identifier, Case.Sensitive, "the linked commitment's plan is a draft");
    }

    private Task<int> MemberIdAsync(string code) => factory.WithDbAsync(db => db.Members.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());
}
