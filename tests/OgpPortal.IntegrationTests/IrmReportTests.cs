using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Identity;
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

        var reportId = await StartAsync(irm, planId, ReportType.ActionPlanReview);
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

        using var opened = await irm.SubmitFormAsync(reportUrl, new Dictionary<string, string>(), "form[action$='/open-for-comment']");
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
        (final.Status, final.Revision, final.PublishedOn).ShouldBe((ReportStatus.Published, 1, (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow)));
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

        (await (await irm.GetAsync(new Uri($"/irm/plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldContain("A Results Report assesses a published or closed plan; this plan is Submitted.");
        (await factory.WithDbAsync(db => db.IrmReports.CountAsync(r => r.ActionPlanId == planId))).ShouldBe(0);
    }

    [Fact]
    public async Task Assessment_WithAValueOutsideItsScale_IsRefusedAndChangesNothing()
    {
        var (planId, first, _) = await DenmarkAsync();
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        var reportId = await factory.WithDbAsync(db => db.IrmReports.Where(r => r.ActionPlanId == planId && r.Type == ReportType.ActionPlanReview).Select(r => (int?)r.Id).SingleOrDefaultAsync())
            ?? await StartAsync(irm, planId, ReportType.ActionPlanReview);
        var before = await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.ReportId == reportId && a.CommitmentId == first));

        using var response = await irm.SubmitFormAsync($"/irm/reports/{reportId}/commitments/{first}", new Dictionary<string, string> { ["Form.Verifiable"] = "true", ["Form.AccessToInformation"] = "true", ["Form.Potential"] = "Enormous" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#Form_Potential-error")!.TextContent.ShouldBe("“Enormous” is not a valid potential for results.");
        (await factory.WithDbAsync(db => db.CommitmentAssessments.CountAsync(a => a.ReportId == reportId && a.CommitmentId == first))).ShouldBe(before);
    }

    private async Task<int> StartAsync(HttpClient client, int planId, ReportType type)
    {
        using var started = await client.PostWithTokenAsync($"/irm/plans/{planId}/reports", new Dictionary<string, string> { ["type"] = type.ToString() });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await factory.WithDbAsync(db => db.IrmReports.Where(r => r.ActionPlanId == planId && r.Type == type).Select(r => r.Id).SingleAsync());
    }

    private Task<(int PlanId, int First, int Second)> DenmarkAsync() =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.Where(p => p.Member.Code == "DK" && p.Number == 4).Select(p => p.Id).SingleAsync();
            var ids = await db.Commitments.Where(c => c.ActionPlanId == plan).OrderBy(c => c.Position).Select(c => c.Id).Take(2).ToListAsync();
            return (plan, ids[0], ids[1]);
        });
}
