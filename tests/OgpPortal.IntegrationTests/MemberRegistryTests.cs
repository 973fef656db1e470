using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The Support Unit's member registry: find, add, edit, change status, archive and delete.</summary>
public sealed class MemberRegistryTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static Dictionary<string, string> NewMember(string code, string name) => new()
    {
        ["Name"] = name,
        ["Code"] = code,
        ["Kind"] = nameof(MemberKind.Local),
        ["Region"] = nameof(Region.AsiaAndThePacific),
        ["Country"] = "Indonesia",
        ["JoinedYear"] = "2020",
        ["Cohort"] = nameof(Cohort.EvenYears),
        ["Website"] = "https://example.org/",
        ["Notes"] = "Joined through OGP Local.",
    };

    [Fact]
    public async Task AddMember_SavesTheRecordAndFindsItBySearchAndFilters()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var response = await client.SubmitFormAsync("/support-unit/members/new", NewMember("SEM", "Semarang"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await factory.WithDbAsync(db => db.Members.SingleAsync(m => m.Code == "SEM"));
        (member.Name, member.Kind, member.Region, member.JoinedYear, member.Cohort, member.Status).ShouldBe(("Semarang", MemberKind.Local, Region.AsiaAndThePacific, 2020, Cohort.EvenYears, MemberStatus.Active));
        response.Headers.Location!.OriginalString.ShouldBe($"/support-unit/members/{member.Id}");

        var found = await Names(client, "/support-unit/members?q=semar");
        found.ShouldBe(["Semarang"]);
        (await Names(client, "/support-unit/members?q=SEMAR")).ShouldBe(["Semarang"], "case is ignored on every engine (LIKE is case-sensitive on PostgreSQL)");
        (await Names(client, "/support-unit/members?region=AsiaAndThePacific&kind=Local&cohort=EvenYears")).ShouldContain("Semarang");
        (await Names(client, "/support-unit/members?region=Europe")).ShouldNotContain("Semarang");
        (await Names(client, "/support-unit/members?q=%25")).ShouldBeEmpty("a % is searched for, not used as a wildcard");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectType == "Member" && a.SubjectKey == "SEM").Select(a => new { a.Action, a.UserName, a.MemberCode }).ToListAsync());
        audit.ShouldContain(a => a.Action == AuditAction.Created && a.UserName == DemoAccounts.SupportUnit && a.MemberCode == "SEM");
    }

    [Fact]
    public async Task AddMember_WithTheDateItJoined_CountsItsFirstDeadlineFromThatDay()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var joined = new DateOnly(today.Year, 1, 1);
        var fields = NewMember("JOD", "Joined on a day");
        fields["JoinedYear"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["JoinedOn"] = joined.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fields["Cohort"] = today.Year % 2 == 0 ? nameof(Cohort.EvenYears) : nameof(Cohort.OddYears);

        using var response = await client.SubmitFormAsync("/support-unit/members/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "JOD").Select(m => m.JoinedOn).SingleAsync())).ShouldBe(joined);
        (await client.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("main dl")!.TextContent.ShouldContain($"1 January {today.Year}");

        // Joined on 1 January of a year of its cohort: its first plan is due that 31 August, not two years later.
        var deadlines = (await client.GetDocumentAsync("/support-unit/deadlines")).QuerySelectorAll("main section")
            .Single(s => s.TextContent.Contains("Joined on a day", StringComparison.Ordinal));
        deadlines.TextContent.ShouldContain($"31 August {today.Year}");
    }

    [Theory]
    [InlineData("Code", "NO", "Code", "The code NO is already used by another member.")]
    [InlineData("Code", "no1", "Code", "The code is two to four capital letters, as in NO or BUE.")]
    [InlineData("Region", "Antarctica", "Region", "“Antarctica” is not a valid region.")]
    [InlineData("Region", "7", "Region", "“7” is not one of the choices offered.")]
    [InlineData("JoinedYear", "next year", "JoinedYear", "“next year” is not a valid year joined.")]
    [InlineData("JoinedYear", "2031", "JoinedYear", "The year joined cannot be in the future.")]
    [InlineData("JoinedYear", "2009", "JoinedYear", "OGP was founded in 2011; enter 2011 or later.")]
    [InlineData("JoinedOn", "2021-05-04", "JoinedOn", "The date joined must fall in the year joined.")]
    [InlineData("JoinedOn", "2020-02-30", "JoinedOn", "“2020-02-30” is not a valid date joined (optional).")]
    [InlineData("Website", "javascript:alert(1)", "Website", "Enter a web address starting with http:// or https://.")]
    [InlineData("Name", "", "Name", "Enter the member's name.")]
    public async Task AddMember_WithBadInput_ShowsTheFieldMessageAndSavesNothing(string field, string value, string errorField, string message)
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = await factory.WithDbAsync(db => db.Members.CountAsync());
        var fields = NewMember("BAD", "Badtown");
        fields[field] = value;

        using var response = await client.SubmitFormAsync("/support-unit/members/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        var error = page.QuerySelector($"#{errorField}-error")?.TextContent.Trim();
        error.ShouldBe(message);

        page.QuerySelector($"#{errorField}")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await factory.WithDbAsync(db => db.Members.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task EditMember_ChangesTheRecordButNotTheCodeOfAMemberWithPlans()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var kenya = await MemberIdAsync("KE");

        using var refused = await client.SubmitFormAsync($"/support-unit/members/{kenya}/edit", new Dictionary<string, string> { ["Code"] = "KEN" });
        using var saved = await client.SubmitFormAsync($"/support-unit/members/{kenya}/edit", new Dictionary<string, string> { ["Notes"] = "Contribution reminder sent in May.", ["Cohort"] = "OddYears" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("#Code-error")!.TextContent.ShouldContain("The code stays KE");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await factory.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == kenya));
        (member.Code, member.Notes, member.Cohort).ShouldBe(("KE", "Contribution reminder sent in May.", Cohort.OddYears));
    }

    [Fact]
    public async Task ChangeStatus_KeepsTheHistory_AndProceduralReviewNeedsAReason()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var ukraine = await MemberIdAsync("UA");
        var page = $"/support-unit/members/{ukraine}";

        using var refused = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["StatusForm.Status"] = "UnderProceduralReview", ["StatusForm.EffectiveOn"] = "2026-01-01", ["StatusForm.Reason"] = "" }, "form[action$='/status']");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.MainTextAsync()).ShouldContain("Give the reason for this status.");
        (await factory.WithDbAsync(db => db.Members.Where(m => m.Id == ukraine).Select(m => m.Status).SingleAsync())).ShouldBe(MemberStatus.Active);

        using var saved = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["StatusForm.Status"] = "UnderProceduralReview", ["StatusForm.EffectiveOn"] = "2026-01-01", ["StatusForm.Reason"] = "Plan not delivered by 1 January." }, "form[action$='/status']");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rows = (await client.GetDocumentAsync(page)).QuerySelectorAll("#status-heading ~ table tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldHaveSingleItem().ShouldContain("Active → Under procedural review");
        rows[0].ShouldContain("Plan not delivered by 1 January.");
    }

    [Fact]
    public async Task ChangeStatus_DatedInTheFuture_IsRefused()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var spain = await MemberIdAsync("ES");

        using var refused = await client.SubmitFormAsync($"/support-unit/members/{spain}", new Dictionary<string, string> { ["StatusForm.Status"] = "Inactive", ["StatusForm.EffectiveOn"] = "2099-01-01" }, "form[action$='/status']");

        (await HtmlForms.ParseAsync(refused)).QuerySelector("#StatusForm_EffectiveOn-error")!.TextContent.ShouldBe("Record a status once it takes effect; this date is in the future.");
        (await factory.WithDbAsync(db => db.Members.Where(m => m.Id == spain).Select(m => m.Status).SingleAsync())).ShouldBe(MemberStatus.Active);
    }

    [Fact]
    public async Task DeleteMember_WithPlans_IsRefusedWithTheReason_AndArchiveKeepsIt()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var denmark = await MemberIdAsync("DK");
        var page = $"/support-unit/members/{denmark}";

        using var refused = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action$='/delete']");
        var message = (await client.GetDocumentAsync(page)).QuerySelector(".alert-danger")!.TextContent;
        using var archived = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action$='/archive']");

        message.ShouldBe("Denmark cannot be deleted: it has 2 action plans, 1 contribution record, which would be lost with it. Archive the member instead.");
        var member = await factory.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == denmark));
        member.ArchivedAt.ShouldNotBeNull();
        (await Names(client, "/support-unit/members?q=Denmark")).ShouldBeEmpty("archived members leave the working list");
        (await Names(client, "/support-unit/members?q=Denmark&archived=true")).ShouldBe(["Denmark"]);
    }

    [Fact]
    public async Task DeleteMember_RegisteredByMistake_RemovesIt()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var created = await client.SubmitFormAsync("/support-unit/members/new", NewMember("OOPS", "Mistake"));
        var id = await MemberIdAsync("OOPS");

        using var deleted = await client.SubmitFormAsync($"/support-unit/members/{id}", new Dictionary<string, string>(), "form[action$='/delete']");

        deleted.Headers.Location!.OriginalString.ShouldBe("/support-unit/members");
        (await factory.WithDbAsync(db => db.Members.AnyAsync(m => m.Code == "OOPS"))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DemoAccounts.PocNorway)]
    [InlineData(DemoAccounts.IrmResearcher)]
    public async Task Registry_IsForTheSupportUnitOnly(string email)
    {
        using var client = await factory.SignedInClientAsync(email);
        var norway = await MemberIdAsync("NO");

        using var list = await client.GetAsync(new Uri("/support-unit/members", UriKind.Relative));
        using var record = await client.GetAsync(new Uri($"/support-unit/members/{norway}", UriKind.Relative));
        using var post = await client.PostWithTokenAsync($"/support-unit/members/{norway}/archive");

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        record.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Members.Where(m => m.Id == norway).Select(m => m.ArchivedAt).SingleAsync())).ShouldBeNull();
    }

    /// <summary>Case is ignored for every letter on every engine (SQLite's built-in lower() folds ASCII only: ADR 0016).</summary>
    [Fact]
    public async Task Search_ByANameWithLettersBeyondAscii_FindsItInAnyCase()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using (var created = await client.SubmitFormAsync("/support-unit/members/new", NewMember("OST", "Østfold fylke")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await Names(client, "/support-unit/members?q=STFOLD")).ShouldBe(["Østfold fylke"], "ASCII letters in any case, on every engine");
        (await Names(client, "/support-unit/members?q=%C3%98stfold")).ShouldBe(["Østfold fylke"], "as typed, on every engine");
        (await Names(client, "/support-unit/members?q=%C3%B8stfold")).ShouldBe(["Østfold fylke"], "ø for Ø");
        (await Names(client, "/support-unit/members?q=%C3%98STFOLD%20FYLKE")).ShouldBe(["Østfold fylke"], "all in capitals");
    }

    private static async Task<List<string>> Names(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("main tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private Task<int> MemberIdAsync(string code) => factory.WithDbAsync(db => db.Members.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());
}
