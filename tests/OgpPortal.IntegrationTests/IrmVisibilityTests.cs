using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Who sees an IRM report when: comments in pre-publication, the public only after publication.</summary>
public sealed class IrmVisibilityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Findings_ArePublicOnlyOnceTheReportIsPublished()
    {
        var (reportId, identifier) = await ReviewOfKenyaAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        (await visitor.GetAsync(new Uri($"/reports/{reportId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await visitor.GetAsync(new Uri($"/commitments/{identifier}", UriKind.Relative))).MainTextAsync()).ShouldNotContain("Potential for results");
        (await (await visitor.GetAsync(new Uri("/reports", UriKind.Relative))).MainTextAsync()).ShouldNotContain("Kenya");
        var planId = await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == reportId).Select(r => r.ActionPlanId).SingleAsync());
        (await (await visitor.GetAsync(new Uri($"/action-plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldNotContain("IRM findings");

        await PublishAsync(reportId);

        (await visitor.GetAsync(new Uri($"/reports/{reportId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var commitment = await (await visitor.GetAsync(new Uri($"/commitments/{identifier}", UriKind.Relative))).MainTextAsync();
        commitment.ShouldContain("Potential for results: Substantial");
        commitment.ShouldContain("Promising");
        commitment.ShouldContain("Action Plan Review");
        (await (await visitor.GetAsync(new Uri("/reports", UriKind.Relative))).MainTextAsync()).ShouldContain("Kenya, action plan 5");
        (await (await visitor.GetAsync(new Uri($"/action-plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldContain("IRM findings");
    }

    [Fact]
    public async Task PointOfContactAndSupportUnit_CommentInPrePublication_OthersCannot()
    {
        var (reportId, _) = await ReviewOfKenyaAsync();
        using var kenya = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var norway = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        (await kenya.GetAsync(new Uri($"/poc/reports/{reportId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is the researcher's own");
        await OpenForCommentAsync(reportId);
        (await (await kenya.GetAsync(new Uri("/poc", UriKind.Relative))).MainTextAsync()).ShouldContain("is open for your comments");

        using var fromKenya = await kenya.SubmitFormAsync($"/poc/reports/{reportId}", new Dictionary<string, string> { ["Text"] = "KE0034 was extended to 2027." }, "form[action$='/comments']");
        using var fromStaff = await staff.SubmitFormAsync($"/support-unit/reports/{reportId}", new Dictionary<string, string> { ["Text"] = "Please cite the 2025 access to information law." }, "form[action$='/comments']");
        using var empty = await staff.SubmitFormAsync($"/support-unit/reports/{reportId}", new Dictionary<string, string> { ["Text"] = " " }, "form[action$='/comments']");
        using var fromNorway = await norway.PostWithTokenAsync($"/poc/reports/{reportId}/comments", new Dictionary<string, string> { ["Text"] = "Not my member" });

        fromNorway.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var comments = await factory.WithDbAsync(db => db.ReportComments.Where(c => c.ReportId == reportId).OrderBy(c => c.Id).Select(c => new { c.AuthorRole, c.Author, c.Text }).ToListAsync());
        comments.Select(c => (c.AuthorRole, c.Text)).ShouldBe(
        [
            (PortalRole.PointOfContact, "KE0034 was extended to 2027."),
            (PortalRole.SupportUnit, "Please cite the 2025 access to information law."),
        ]);
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        (await (await irm.GetAsync(new Uri($"/irm/reports/{reportId}", UriKind.Relative))).MainTextAsync()).ShouldContain("KE0034 was extended to 2027.");
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubjectKey == "KE/5/ActionPlanReview" && a.EntityType == "ReportComment" && a.MemberCode == "KE"))).ShouldBe(2);
        var researchers = await factory.WithDbAsync(db => db.ResearcherAssignments.Where(a => a.ActionPlan.Member.Code == "KE" && a.ActionPlan.Number == 5)
            .Join(db.Users, a => a.UserId, u => u.Id, (_, u) => u.Email!).ToListAsync());
        researchers.ShouldNotBeEmpty();
        foreach (var researcher in researchers)
        {
            var told = (await factory.MailsToAsync(researcher)).Where(m => m.Subject == "New comment on the Action Plan Review of Kenya, action plan 5").ToList();
            told.Count.ShouldBe(2, "one mail per comment saved, none for the empty one");
            told.ShouldAllBe(m => (m.TextBody ?? string.Empty).Contains($"/irm/reports/{reportId}"));
        }
    }

    [Fact]
    public async Task PublishedReport_OnAPlanThatIsNotPublic_StaysHidden()
    {
        var reportId = await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(await db.ActionPlans.Where(p => p.Member.Code == "DO" && p.Number == 6).Select(p => p.Id).SingleAsync(), CancellationToken.None);
            var report = IrmReport.Start(plan!, ReportType.ActionPlanReview);
            report.Assess(plan!.Commitments.First(), new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Modest));
            report.UpdateText("The Dominican Republic's sixth plan.", null, null);
            report.OpenForComment(PortalRole.IrmResearcher, "Only the commitments this test needs are assessed.");
            report.Publish(PortalRole.IrmResearcher, DateOnly.FromDateTime(DateTime.UtcNow));
            db.IrmReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        using var visitor = factory.CreateBrowserlikeClient();

        (await visitor.GetAsync(new Uri($"/reports/{reportId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await visitor.GetAsync(new Uri("/reports", UriKind.Relative))).MainTextAsync()).ShouldNotContain("Dominican Republic");
    }

    [Fact]
    public async Task AssessedCommitment_CannotBeRemovedWhenThePlanIsBackInDraft()
    {
        var (planId, commitmentId, identifier) = await factory.WithDbAsync(async db =>
        {
            // A plan of its own: drafted, submitted, reviewed by the IRM, then returned to Draft.
            var member = await db.Members.SingleAsync(m => m.Code == "DO");
            var plan = ActionPlan.CreateDraft(member, 9, "A plan returned after review", new DateOnly(2027, 9, 1), new DateOnly(2029, 8, 31));
            var commitment = plan.AddCommitment("DO0900", new CommitmentText("Open budget data", null, "Problem", "What", "How", "Ministry of Finance", null, new DateOnly(2027, 9, 1), new DateOnly(2029, 6, 30), OgpValues.AccessToInformation));
            commitment.AddMilestone("Publish the first data sets", new DateOnly(2028, 6, 30));
            plan.Submit(PortalRole.PointOfContact, DateTime.UtcNow);
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            var report = IrmReport.Start(plan, ReportType.ActionPlanReview);
            report.Assess(commitment, new AssessmentValues(false));
            db.IrmReports.Add(report);
            plan.ReturnToDraft(PortalRole.SupportUnit, "Needs more milestones.");
            await db.SaveChangesAsync();
            return (plan.Id, commitment.Id, commitment.Identifier);
        });
        var poc = await factory.CreatePointOfContactAsync("DO");
        using var client = await factory.SignedInClientAsync(poc.Email!);

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}", new Dictionary<string, string>(), $"form[action$='/commitments/{commitmentId}/delete']");

        (await (await client.GetAsync(new Uri($"/poc/plans/{planId}", UriKind.Relative))).MainTextAsync()).ShouldContain($"{identifier} cannot be removed: the IRM has assessed it in a report.");
        (await factory.WithDbAsync(db => db.Commitments.AnyAsync(c => c.Id == commitmentId))).ShouldBeTrue();
    }

    [Fact]
    public async Task SupportUnit_CorrectsAPublishedReport_AsANewRevision_AndTheResearcherCannotEditIt()
    {
        var (reportId, _) = await ReviewOfKenyaAsync();
        await PublishAsync(reportId);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);

        using var noReason = await staff.SubmitFormAsync($"/support-unit/reports/{reportId}", new Dictionary<string, string> { ["Correction.Summary"] = "Corrected summary." }, "form[action$='/correction']");
        (await HtmlForms.ParseAsync(noReason)).QuerySelector("#Correction_Note-error")!.TextContent.ShouldBe("Say why the report is corrected.");
        using var corrected = await staff.SubmitFormAsync($"/support-unit/reports/{reportId}", new Dictionary<string, string> { ["Correction.Summary"] = "Corrected summary.", ["Correction.Note"] = "Wrong ministry named" }, "form[action$='/correction']");
        using var researcherEdit = await irm.PostWithTokenAsync($"/irm/reports/{reportId}/text", new Dictionary<string, string> { ["Text.Summary"] = "Sneaky edit" });

        var report = await factory.WithDbAsync(db => db.IrmReports.SingleAsync(r => r.Id == reportId));
        (report.Revision, report.Summary, report.CorrectionNote).ShouldBe((2, "Corrected summary.", "Wrong ministry named"));
        var history = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectType == "Report" && a.SubjectKey == "KE/5/ActionPlanReview").Select(a => a.Changes).ToListAsync());
        history.ShouldContain(c => c.Contains("Corrected summary.") && c.Contains("\"Revision\""));
    }

    /// <summary>The demo researcher assigned to Kenya's fifth plan, with its review drafted through the domain.</summary>
    private async Task<(int ReportId, string Identifier)> ReviewOfKenyaAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(await db.ActionPlans.Where(p => p.Member.Code == "KE" && p.Number == 5).Select(p => p.Id).SingleAsync(), CancellationToken.None);
            var researcher = await db.Users.Where(u => u.Email == DemoAccounts.IrmResearcher).Select(u => u.Id).SingleAsync();
            if (!await db.ResearcherAssignments.AnyAsync(a => a.ActionPlanId == plan!.Id && a.UserId == researcher))
            {
                db.ResearcherAssignments.Add(new ResearcherAssignment { ActionPlanId = plan!.Id, UserId = researcher, AssignedAt = DateTime.UtcNow });
            }

            var existing = await db.IrmReports.Where(r => r.ActionPlanId == plan!.Id).ToListAsync();
            db.IrmReports.RemoveRange(existing);
            await db.SaveChangesAsync();
            var report = IrmReport.Start(plan!, ReportType.ActionPlanReview);
            var commitment = plan!.Commitments.OrderBy(c => c.Position).First();
            report.Assess(commitment, new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Substantial, true, "Opens procurement data"));
            report.UpdateText("Kenya's plan opens procurement and budget data.", null, null);
            db.IrmReports.Add(report);
            await db.SaveChangesAsync();
            return (report.Id, commitment.Identifier);
        });

    private Task<int> OpenForCommentAsync(int reportId) =>
        factory.WithDbAsync(async db =>
        {
            var report = await db.IrmReports.Include(r => r.ActionPlan).ThenInclude(p => p.Member).Include(r => r.ActionPlan).ThenInclude(p => p.Commitments)
                .Include(r => r.Assessments).SingleAsync(r => r.Id == reportId);
            report.OpenForComment(PortalRole.IrmResearcher, "Only the commitments this test needs are assessed.");
            return await db.SaveChangesAsync();
        });

    private async Task PublishAsync(int reportId)
    {
        await OpenForCommentAsync(reportId);
        using var irm = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        using var published = await irm.SubmitFormAsync($"/irm/reports/{reportId}", new Dictionary<string, string>(), "form[action$='/publish']");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.IrmReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync())).ShouldBe(ReportStatus.Published);
    }
}
