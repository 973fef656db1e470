using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Kenya's point of contact reports implementation progress on the published plan.</summary>
public sealed class ProgressReportingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ReportProgress_UpdatesMilestonesAddsANoteAndMovesTheProgressBar()
    {
        var id = await IdAsync("KE0034");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.SubmitFormAsync($"/poc/commitments/{id}/progress", new Dictionary<string, string>
        {
            ["Milestones[0].Status"] = nameof(MilestoneStatus.Complete),
            ["Milestones[0].EvidenceUrl"] = "https://www.treasury.go.ke/climate-finance",
            ["NoteText"] = "The climate finance tracker went live.",
            ["NoteDate"] = "2026-11-01",
            ["NoteCompletion"] = nameof(CompletionLevel.Limited),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = factory.CreateBrowserlikeClient();
        var page = await anonymous.GetDocumentAsync("/commitments/KE0034");
        page.QuerySelector("main progress")!.GetAttribute("value").ShouldBe("33");
        page.QuerySelector("main")!.TextContent.ShouldContain("The climate finance tracker went live.");
        page.QuerySelector("a[href='https://www.treasury.go.ke/climate-finance']").ShouldNotBeNull();
    }

    [Fact]
    public async Task ReportProgress_WithAScriptLinkOrAFutureNote_ShowsMessagesAndChangesNothing()
    {
        var id = await IdAsync("KE0033");
        var before = await factory.WithDbAsync(db => db.Milestones.Where(m => m.CommitmentId == id).OrderBy(m => m.DueDate).Select(m => m.Status).ToListAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.SubmitFormAsync($"/poc/commitments/{id}/progress", new Dictionary<string, string>
        {
            ["Milestones[2].Status"] = nameof(MilestoneStatus.Complete),
            ["Milestones[2].EvidenceUrl"] = "javascript:alert(1)",
            ["NoteText"] = "Looking ahead.",
            ["NoteDate"] = "2099-01-01",
            ["NoteCompletion"] = nameof(CompletionLevel.Complete),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await HtmlForms.ParseAsync(response);
        form.QuerySelector("#Milestones_2__EvidenceUrl-error")!.TextContent.ShouldBe("Enter a web address starting with http:// or https://.");
        form.QuerySelector("#NoteDate-error")!.TextContent.ShouldBe("The note's date cannot be in the future.");
        (await factory.WithDbAsync(db => db.Milestones.Where(m => m.CommitmentId == id).OrderBy(m => m.DueDate).Select(m => m.Status).ToListAsync())).ShouldBe(before);
        (await factory.WithDbAsync(db => db.ProgressNotes.CountAsync(n => n.CommitmentId == id && n.Text == "Looking ahead."))).ShouldBe(0);
    }

    [Fact]
    public async Task ReportProgress_ForAnotherMember_IsForbidden()
    {
        var id = await IdAsync("KE0030");
        using var norway = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var response = await norway.GetAsync(new Uri($"/poc/commitments/{id}/progress", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReportProgress_OnADraftPlan_SaysProgressComesAfterPublication()
    {
        var id = await IdAsync("NO0090");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var response = await client.GetAsync(new Uri($"/poc/commitments/{id}/progress", UriKind.Relative));
        var plan = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        plan.QuerySelector("[role=alert]")!.TextContent.ShouldBe("Progress is reported on published plans that are being implemented.");
    }

    private Task<int> IdAsync(string identifier) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).Select(c => c.Id).SingleAsync());
}
