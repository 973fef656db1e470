using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The IRM researcher's reports: scoped to assigned plans, assessed commitment by commitment, commented, published.</summary>
public sealed class IrmReportTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Researcher_WritesAnActionPlanReview_AndPublishesIt_AfterAnsweringComments()
    {
        var (planId, first, second) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        (await (await irm.GetAsync(new Uri("/irm", UriKind.Relative))).MainTextAsync()).ShouldContain("Action Plan Review");

        var reportId = await FreshReviewAsync(irm, planId);
        var reportUrl = $"/irm/reports/{reportId}";
        using var promising = await irm.SubmitFormAsync($"{reportUrl}/commitments/{first}", new Dictionary<string, string>
        {
            ["Form.Verifiable"] = "true",
            ["Form.AccessToInformation"] = "true",
            ["Form.Potential"] = "Substantial",
            ["Form.Promising"] = "true",
            ["Form.PromisingReason"] = "Publishes all spending data",
            ["Form.Cluster"] = "Open data",
        });
        using var notVerifiable = await irm.SubmitFormAsync($"{reportUrl}/commitments/{second}", new Dictionary<string, string>
        {
            ["Form.Verifiable"] = "false",
            ["Form.CivicParticipation"] = "true",
            ["Form.Potential"] = "Modest",
        });
        promising.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notVerifiable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.CommitmentAssessments.Where(a => a.ReportId == reportId).OrderBy(a => a.CommitmentId).ToListAsync());
        (saved[0].Verifiable, saved[0].Relevance, saved[0].Potential, saved[0].Promising).ShouldBe((true, OgpValues.AccessToInformation, PotentialForResults.Substantial, true));
        (saved[1].Verifiable, saved[1].Relevance, saved[1].Potential).ShouldBe((false, OgpValues.None, (PotentialForResults?)null), "a commitment that is not verifiable gets no further assessment");

        using var incomplete = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string>(), "form[action$='/open-for-comment']");
        var refusal = await (await irm.GetAsync(new Uri(reportUrl, UriKind.Relative))).MainTextAsync();
        refusal.ShouldContain("Assess every commitment before opening the report for comment, or say why the report leaves some out. Not assessed: DK0043, DK0044");
        (await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync())).ShouldBe(ReportStatus.Draft);
        using var opened = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string> { ["leftOutReason"] = LeftOut }, "form[action$='/open-for-comment']");
        await factory.WithDbAsync(async db =>
        {
            var report = await db.IrmReports.Include(r => r.Comments).SingleAsync(r => r.Id == reportId);
            report.Comment(Domain.Access.PortalRole.PointOfContact, "Danish contact", "Commitment 42 was extended in 2019.", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var refused = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string>(), "form[action$='/publish']");
        (await (await irm.GetAsync(new Uri(reportUrl, UriKind.Relative))).MainTextAsync()).ShouldContain("Write the report's summary before publishing it.");
        using var text = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string> { ["Text.Summary"] = "Denmark's plan opens data on spending and courts." }, "form[action$='/text']");
        using var refusedAgain = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string>(), "form[action$='/publish']");
        (await (await irm.GetAsync(new Uri(reportUrl, UriKind.Relative))).MainTextAsync()).ShouldContain("Answer the open comment before publishing.");
        using var answered = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string> { ["Answer"] = "Thank you, noted." }, "form[action*='/answer']");
        using var published = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string>(), "form[action$='/publish']");

        var final = await factory.WithDbAsync(db => db.IrmReports.SingleAsync(r => r.Id == reportId));
        (final.Status, final.Revision, final.PublishedOn, final.LeftOutReason).ShouldBe((ReportStatus.Published, 1, (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow), LeftOut));
        using var visitor = factory.CreateBrowserlikeClient();
        (await visitor.GetDocumentAsync($"/reports/{reportId}")).GetElementById("left-out")!.TextContent.ShouldContain(LeftOut);
        (await factory.MailsToAsync(DemoAccounts.SupportUnit)).Select(m => m.Subject).ShouldContain("IRM Action Plan Review published: Denmark, action plan 4");
        using var readOnly = await irm.PostWithTokenAsync($"{reportUrl}/commitments/{first}", new Dictionary<string, string> { ["Form.Verifiable"] = "false" });
        (await factory.WithDbAsync(db => db.CommitmentAssessments.Where(a => a.ReportId == reportId && a.CommitmentId == first).Select(a => a.Verifiable).SingleAsync())).ShouldBe(true);
    }

    [Fact]
    public async Task Researcher_CannotSeeOrChangeAPlanNotAssignedToThem()
    {
        var kenya = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "KE" && p.Number == 5).Select(p => p.Id).SingleAsync());
        var other = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        using var client = await factory.SignedInClientAsync(other.Email!);
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var page = await client.GetAsync(new Uri($"/irm/plans/{kenya}", UriKind.Relative));
        using var start = await client.PostWithTokenAsync($"/irm/plans/{kenya}/reports", new Dictionary<string, string> { ["type"] = "ActionPlanReview" });
        using var pocStart = await poc.PostWithTokenAsync($"/irm/plans/{kenya}/reports", new Dictionary<string, string> { ["type"] = "ActionPlanReview" });

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        start.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        pocStart.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.IrmReports.CountAsync(r => r.ActionPlanId == kenya))).ShouldBe(0);
        (await (await client.GetAsync(new Uri("/irm", UriKind.Relative))).MainTextAsync()).ShouldNotContain("Kenya");
    }

    [Fact]
    public async Task Researcher_CannotReachAnotherPlansReport_NorAssessAnotherPlansCommitment()
    {
        var (kenyaReport, kenyaCommitment) = await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(await db.ActionPlans.Where(p => p.Member.Code == "KE" && p.Number == 5).Select(p => p.Id).SingleAsync(), CancellationToken.None);
            var report = IrmReport.Start(plan!, ReportType.ActionPlanReview);
            report.UpdateText("Someone else's draft.", null, null);
            db.IrmReports.Add(report);
            await db.SaveChangesAsync();
            return (report.Id, plan!.Commitments.First().Id);
        });
        var (denmark, _, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var ownReport = await FreshReviewAsync(irm, denmark);
        var url = $"/irm/reports/{kenyaReport}";

        (await irm.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.GetAsync(new Uri($"{url}/commitments/{kenyaCommitment}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.PostWithTokenAsync($"{url}/text", new Dictionary<string, string> { ["Text.Summary"] = "Changed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.PostWithTokenAsync($"{url}/commitments/{kenyaCommitment}", new Dictionary<string, string> { ["Form.Verifiable"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.PostWithTokenAsync($"{url}/open-for-comment")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.PostWithTokenAsync($"{url}/publish")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await irm.PostWithTokenAsync($"/irm/reports/{ownReport}/commitments/{kenyaCommitment}", new Dictionary<string, string> { ["Form.Verifiable"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var after = await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == kenyaReport).Select(r => new { r.Summary, r.Status, Assessed = r.Assessments.Count }).SingleAsync());
        (after.Summary, after.Status, after.Assessed).ShouldBe(("Someone else's draft.", ReportStatus.Draft, 0));
        (await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.CommitmentId == kenyaCommitment))).ShouldBe(0);
    }

    [Fact]
    public async Task PrePublication_GoesBackToDraft_ClosingComments()
    {
        var (planId, first, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await FreshReviewAsync(irm, planId);
        var url = $"/irm/reports/{reportId}";
        using var assessed = await irm.SubmitFormAsync($"{url}/commitments/{first}", new Dictionary<string, string> { ["Form.Verifiable"] = "false" });
        using var opened = await irm.SubmitFormAsync(url, new Dictionary<string, string> { ["leftOutReason"] = LeftOut }, "form[action$='/open-for-comment']");
        (await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync())).ShouldBe(ReportStatus.PrePublication);

        using var back = await irm.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action$='/return-to-draft']");

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync())).ShouldBe(ReportStatus.Draft);
        using var poc = await factory.SignedInClientAsync((await factory.CreatePointOfContactAsync("DK")).Email!);
        (await poc.GetAsync(new Uri($"/poc/reports/{reportId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is the researcher's own again");
    }

    [Theory]
    [InlineData("99")]
    [InlineData("")]
    [InlineData("Everything")]
    public async Task Start_WithoutAKnownReportType_IsABadRequest(string type)
    {
        var (planId, _, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var before = await factory.WithDbAsync(db => db.IrmReports.CountAsync());

        using var response = await irm.PostWithTokenAsync($"/irm/plans/{planId}/reports", new Dictionary<string, string> { ["type"] = type });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.IrmReports.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task StaleAssessmentForm_IsRefused_AndTheNewerAssessmentStays()
    {
        var (planId, first, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await FreshReviewAsync(irm, planId);
        var url = $"/irm/reports/{reportId}/commitments/{first}";
        var stale = (await irm.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;

        using var newer = await irm.SubmitFormAsync(url, new Dictionary<string, string> { ["Form.Verifiable"] = "true", ["Form.PublicAccountability"] = "true", ["Form.Potential"] = "Modest" });
        using var older = await irm.SubmitAsync(stale, new Dictionary<string, string> { ["Form.Verifiable"] = "false" }, url);

        newer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await older.MainTextAsync()).ShouldContain("Someone else changed this record after you opened it");
        (await factory.WithDbAsync(db => db.CommitmentAssessments.Where(a => a.ReportId == reportId && a.CommitmentId == first).Select(a => a.Verifiable).SingleAsync())).ShouldBe(true);
    }

    [Fact]
    public async Task MidtermReview_OnATwoYearPlan_IsRefusedWithAMessage()
    {
        var (planId, _, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);

        using var response = await irm.PostWithTokenAsync($"/irm/plans/{planId}/reports", new Dictionary<string, string> { ["type"] = "MidtermReview" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await irm.GetAsync(new Uri($"/irm/plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldContain("A Midterm Review is written for four-year plans only; this plan runs for two years.");
        (await factory.WithDbAsync(db => db.IrmReports.CountAsync(r => r.ActionPlanId == planId && r.Type == ReportType.MidtermReview))).ShouldBe(0);
    }

    [Fact]
    public async Task ResultsReport_OnASubmittedPlan_IsRefusedWithAMessage()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "DO" && p.Number == 6).Select(p => p.Id).SingleAsync());
        var researcher = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        await factory.WithDbAsync(async db =>
        {
            db.ResearcherAssignments.Add(new Domain.Access.ResearcherAssignment { ActionPlanId = planId, UserId = researcher.Id, AssignedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var irm = await factory.SignedInClientAsync(researcher.Email!);

        using var response = await irm.PostWithTokenAsync($"/irm/plans/{planId}/reports", new Dictionary<string, string> { ["type"] = "ResultsReport" });

        (await (await irm.GetAsync(new Uri($"/irm/plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldContain("A Results Report assesses implementation, so its plan must be published or closed; this plan is Submitted.");
        (await factory.WithDbAsync(db => db.IrmReports.CountAsync(r => r.ActionPlanId == planId))).ShouldBe(0);
    }

    [Fact]
    public async Task Assessment_WithAValueOutsideItsScale_IsRefusedAndChangesNothing()
    {
        var (planId, first, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await FreshReviewAsync(irm, planId);
        var before = await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.ReportId == reportId && a.CommitmentId == first));

        using var response = await irm.SubmitFormAsync($"/irm/reports/{reportId}/commitments/{first}", new Dictionary<string, string> { ["Form.Verifiable"] = "true", ["Form.AccessToInformation"] = "true", ["Form.Potential"] = "Enormous" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#Form_Potential-error")!.TextContent.ShouldBe("“Enormous” is not a valid potential for results.");
        (await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.ReportId == reportId && a.CommitmentId == first))).ShouldBe(before);
    }

    [Fact]
    public async Task AssessmentPage_ShowsTheCommitmentInFull_AndEveryProblemAtOnceAtItsField()
    {
        var (planId, first, _) = await DenmarkAsync();
        var words = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == first).Select(c => new { c.LeadInstitution, Milestone = c.Milestones.OrderBy(m => m.DueDate).Select(m => m.Title).First() }).SingleAsync());
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await FreshReviewAsync(irm, planId);
        var url = $"/irm/reports/{reportId}/commitments/{first}";

        var aside = (await irm.GetDocumentAsync(url)).GetElementById("words-heading")!.ParentElement!.TextContent;
        using var response = await irm.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Form.Verifiable"] = "true",
            ["Form.TechnologyAndInnovation"] = "true",
            ["Form.Promising"] = "true",
        });

        aside.ShouldContain(words.LeadInstitution);
        aside.ShouldContain(words.Milestone);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("#Form_AccessToInformation-error")!.TextContent.ShouldStartWith("Technology and innovation counts only alongside");
        page.QuerySelector("#Form_Potential-error")!.TextContent.ShouldBe("Choose the potential for results.");
        page.QuerySelector("#Form_PromisingReason-error")!.TextContent.ShouldBe("Say why the commitment is promising.");
        page.QuerySelectorAll(".alert-danger li").Select(li => li.TextContent.Trim()).ToList().Count.ShouldBe(3);
        (await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.ReportId == reportId))).ShouldBe(0);
    }

    [Fact]
    public async Task SaveAndGoToTheNextCommitment_KeepsTheWrittenAnalysis_WhichThePublicReadsOncePublished()
    {
        var (planId, first, second) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await FreshReviewAsync(irm, planId);

        var url = $"/irm/reports/{reportId}/commitments/{first}";
        (await irm.GetDocumentAsync(url)).QuerySelector("main form button[name='next'][value='true']").ShouldNotBeNull();

        // The "save and go to the next commitment" button sends next=true with the form.
        using var saved = await irm.SubmitFormAsync(url, new Dictionary<string, string> { ["Form.Verifiable"] = "false", ["Form.Narrative"] = "The milestones name **no measurable result**.", ["next"] = "true" });

        saved.Headers.Location!.OriginalString.ShouldBe($"/irm/reports/{reportId}/commitments/{second}");
        (await factory.WithDbAsync(db => db.CommitmentAssessments.Where(a => a.ReportId == reportId && a.CommitmentId == first).Select(a => a.Narrative).SingleAsync()))
            .ShouldBe("The milestones name **no measurable result**.");
        await factory.WithDbAsync(async db =>
        {
            var report = await db.IrmReports.Include(r => r.ActionPlan).ThenInclude(p => p.Commitments).Include(r => r.Assessments).SingleAsync(r => r.Id == reportId);
            report.UpdateText("Summary.", null, null);
            report.OpenForComment(Domain.Access.PortalRole.IrmResearcher, LeftOut);
            report.Publish(Domain.Access.PortalRole.IrmResearcher, DateOnly.FromDateTime(DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var visitor = factory.CreateBrowserlikeClient();
        var identifier = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == first).Select(c => c.Identifier).SingleAsync());
        (await visitor.GetDocumentAsync($"/commitments/{identifier}")).QuerySelector(".rich-text strong")!.TextContent.ShouldBe("no measurable result");
    }

    /// <summary>Denmark's review started afresh through the researcher's form (other tests of this class start one too).</summary>
    private async Task<int> FreshReviewAsync(HttpClient client, int planId)
    {
        await factory.WithDbAsync(async db =>
        {
            db.IrmReports.RemoveRange(await db.IrmReports.Where(r => r.ActionPlanId == planId).ToListAsync());
            return await db.SaveChangesAsync();
        });
        return await StartAsync(client, planId, ReportType.ActionPlanReview);
    }

    private async Task<int> StartAsync(HttpClient client, int planId, ReportType type)
    {
        using var started = await client.PostWithTokenAsync($"/irm/plans/{planId}/reports", new Dictionary<string, string> { ["type"] = type.ToString() });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await factory.WithDbAsync(db => db.IrmReports.Where(r => r.ActionPlanId == planId && r.Type == type).Select(r => r.Id).SingleAsync());
    }

    /// <summary>Why the tests' reports leave Denmark's other commitments out (they assess the first one or two).</summary>
    private const string LeftOut = "The other commitments are reviewed together in the report's annex.";

    private Task<(int PlanId, int First, int Second)> DenmarkAsync() =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.Where(p => p.Member.Code == "DK" && p.Number == 4).Select(p => p.Id).SingleAsync();
            var ids = await db.Commitments.Where(c => c.ActionPlanId == plan).OrderBy(c => c.Position).Select(c => c.Id).Take(2).ToListAsync();
            return (plan, ids[0], ids[1]);
        });
}
