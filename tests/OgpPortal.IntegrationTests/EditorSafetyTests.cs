using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>What the plan editors must never do: act for another member, lose an edit, run a script, crash.</summary>
public sealed class EditorSafetyTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string, string> NorwayEndpoints => new()
    {
        { "GET", "/poc/commitments/{c}/edit" },
        { "POST", "/poc/commitments/{c}/edit" },
        { "POST", "/poc/commitments/{c}/delete" },
        { "POST", "/poc/commitments/{c}/move" },
        { "POST", "/poc/plans/{p}/commitments/{c}/resubmit" },
        { "POST", "/poc/plans/{p}/submit" },
        { "GET", "/poc/plans/{p}/edit" },
        { "POST", "/poc/plans/{p}/edit" },
        { "GET", "/poc/plans/{p}/commitments/new" },
        { "POST", "/poc/plans/{p}/commitments/new" },
        { "GET", "/poc/commitments/{k}/progress" },
        { "POST", "/poc/commitments/{k}/progress" },
    };

    [Theory]
    [MemberData(nameof(NorwayEndpoints))]
    public async Task AnotherMembersPointOfContact_IsRefusedEverywhere_AndChangesNothing(string method, string template)
    {
        var (planId, commitmentId) = await factory.WithDbAsync(async db => (
            await db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync(),
            await db.Commitments.Where(c => c.Identifier == "NO0091").Select(c => c.Id).SingleAsync()));
        var kenyanCommitment = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "KE0031").Select(c => c.Id).SingleAsync());
        var outsider = await factory.CreatePointOfContactAsync("UA");
        using var client = await factory.SignedInClientAsync(outsider.Email!, PortalAppFactory.DemoPassword);
        var url = template.Replace("{p}", $"{planId}", StringComparison.Ordinal).Replace("{c}", $"{commitmentId}", StringComparison.Ordinal).Replace("{k}", $"{kenyanCommitment}", StringComparison.Ordinal);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(new Uri(url, UriKind.Relative));
        }
        else
        {
            var token = (await client.GetDocumentAsync("/poc")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Title"] = "Changed by an outsider",
                ["LeadInstitution"] = "Outsider",
                ["StartDate"] = "2027-02-01",
                ["EndDate"] = "2027-12-31",
                ["Milestones[0].Title"] = "x",
                ["Milestones[0].DueDate"] = "2027-06-30",
                ["offset"] = "1",
            });
            response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        }

        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {url}");
        }

        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(before, "nothing may change");
    }

    [Fact]
    public async Task ChangingOnlyPolicyAreasFromAStaleForm_IsRefused_AndTheChangeIsInTheHistory()
    {
        var id = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "NO0090").Select(c => c.Id).SingleAsync());
        var lobbying = PolicyAreaCatalog.Find("Lobbying")!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audits = PolicyAreaCatalog.Find("Audits")!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var stale = await client.GetDocumentAsync($"/poc/commitments/{id}/edit");

        using (var first = await client.SubmitFormAsync($"/poc/commitments/{id}/edit", new Dictionary<string, string> { ["PolicyAreaIds"] = lobbying }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await client.SubmitAsync(stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["PolicyAreaIds"] = audits }, $"/poc/commitments/{id}/edit");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.MainTextAsync()).ShouldContain("Someone else changed this commitment");
        (await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).SelectMany(c => c.PolicyAreas).Select(a => a.Name).ToListAsync())).ShouldBe(["Lobbying"]);
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectKey == "NO0090" && a.EntityType == "PolicyArea").Select(a => a.Changes).ToListAsync());
        trail.ShouldContain(c => c.Contains("Lobbying"));
    }

    [Fact]
    public async Task RemovedMilestone_ShowsInTheCommitmentsHistory()
    {
        var id = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "NO0092").Select(c => c.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using (var edit = await poc.SubmitFormAsync($"/poc/commitments/{id}/edit", new Dictionary<string, string> { ["Milestones[2].Title"] = string.Empty, ["Milestones[2].DueDate"] = string.Empty }))
        {
            edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var rows = (await staff.GetDocumentAsync("/support-unit/commitments/NO0092/history")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("Milestone deleted") && r.Contains(DemoAccounts.PocNorway) && r.Contains("Launch publicly and publish the first results"));
    }

    [Fact]
    public async Task ScriptsTypedIntoTheTemplate_AreShownAsText()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using (var added = await poc.SubmitFormAsync($"/poc/plans/{planId}/commitments/new", new Dictionary<string, string>
        {
            ["Title"] = "<img src=x onerror=alert(1)> Scripted title",
            ["LeadInstitution"] = "<script>alert('lead')</script>",
            ["Problem"] = "<script>alert('problem')</script> and [a link](javascript:alert(1))",
            ["Milestones[0].Title"] = "<b>bold milestone</b>",
            ["Milestones[0].DueDate"] = "2027-06-30",
        }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        foreach (var page in new[] { $"/support-unit/reviews/{planId}", $"/poc/plans/{planId}" })
        {
            using var response = await (page.StartsWith("/poc", StringComparison.Ordinal) ? poc : staff).GetAsync(new Uri(page, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            html.ShouldNotContain("<b>bold milestone</b>");
            html.ShouldNotContain("javascript:");
            html.ShouldContain("&lt;img src=x onerror=alert(1)&gt; Scripted title");
        }
    }

    [Theory]
    [InlineData("PeriodStart", "0001-01-01", "PeriodStart", "Enter a date between 2000 and 2100.")]
    [InlineData("PeriodEnd", "9999-12-31", "PeriodEnd", "Enter a date between 2000 and 2100.")]
    [InlineData("Number", "99999999999", "Number", null)]
    public async Task NewPlan_WithAbsurdValues_AnswersWithAMessageNotAnError(string field, string value, string errorField, string? message)
    {
        var kenya = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "KE").Select(m => m.Id).SingleAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var fields = new Dictionary<string, string> { ["Number"] = "8", ["Title"] = "A plan", ["PeriodStart"] = "2027-01-01", ["PeriodEnd"] = "2028-12-31" };
        fields[field] = value;

        using var response = await client.SubmitFormAsync($"/poc/members/{kenya}/plans/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = (await HtmlForms.ParseAsync(response)).QuerySelector($"#{errorField}-error")!.TextContent;
        error.ShouldNotBeNullOrWhiteSpace();
        if (message is not null)
        {
            error.ShouldBe(message);
        }

        (await client.GetAsync(new Uri("/poc", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProgressReport_WithoutAStatusOrWithANoteBeforeThePlan_IsRefusedAndKeepsTheMilestone()
    {
        var id = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "KE0030").Select(c => c.Id).SingleAsync());
        var before = await factory.WithDbAsync(db => db.Milestones.Where(m => m.CommitmentId == id).OrderBy(m => m.DueDate).Select(m => m.Status).ToListAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var page = await client.GetDocumentAsync($"/poc/commitments/{id}/progress");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        form.QuerySelector("select[name='Milestones[0].Status']")!.Remove();

        using var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["NoteText"] = "Old news", ["NoteDate"] = "2001-01-01", ["NoteCompletion"] = "Limited" }, $"/poc/commitments/{id}/progress");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.MainTextAsync();
        text.ShouldContain("Choose a status from the list.");
        text.ShouldContain("The note's date cannot be before the plan started");
        (await factory.WithDbAsync(db => db.Milestones.Where(m => m.CommitmentId == id).OrderBy(m => m.DueDate).Select(m => m.Status).ToListAsync())).ShouldBe(before);
        before[0].ShouldBe(MilestoneStatus.Complete);
    }
}
