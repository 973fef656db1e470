using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Submitting, reviewing and publishing a plan through the real forms.</summary>
public sealed class PlanReviewTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task SupportUnit_ReturnsAcceptsAndPublishes_AndThePointOfContactIsToldAndResubmits()
    {
        var poc = await factory.CreatePointOfContactAsync("DO");
        var planId = await PlanIdAsync("DO", 6);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var government = await factory.SignedInClientAsync(poc.Email!, PortalAppFactory.DemoPassword);
        var review = $"/support-unit/reviews/{planId}";

        using (var returned = await staff.SubmitFormAsync(review, Fields(("Reason", "Add a milestone on publishing the data.")), "form[action*='/commitments/'][action$='/return']"))
        {
            returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StatusOfAsync("DO0050")).ShouldBe(CommitmentReviewStatus.Returned);
        var mail = (await factory.MailsToAsync(poc.Email!)).Single();
        mail.Subject.ShouldBe("Commitment DO0050 returned for revision");
        mail.TextBody!.ShouldContain("Reason: Add a milestone on publishing the data.");

        var pocPage = await government.GetDocumentAsync($"/poc/plans/{planId}");
        pocPage.QuerySelector("main")!.TextContent.ShouldContain("Add a milestone on publishing the data.");
        using (var resubmitted = await government.SubmitFormAsync($"/poc/plans/{planId}", Fields(), "form[action$='/resubmit']"))
        {
            resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StatusOfAsync("DO0050")).ShouldBe(CommitmentReviewStatus.Submitted);
        (await factory.MailsToAsync(DemoAccounts.SupportUnit)).Select(m => m.Subject).ShouldContain("Commitment DO0050 resubmitted for review");
        (await staff.SubmitFormAsync(review, Fields(), "form[action$='/accept']")).Dispose();
        (await staff.SubmitFormAsync(review, Fields(), "form[action$='/accept']")).Dispose();
        (await StatusOfAsync("DO0051")).ShouldBe(CommitmentReviewStatus.Accepted);
        using (var published = await staff.SubmitFormAsync(review, Fields(), "form[action$='/publish']"))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var anonymous = factory.CreateBrowserlikeClient();
        var publicPage = await anonymous.GetDocumentAsync($"/action-plans/{planId}");
        publicPage.QuerySelector("h1")!.TextContent.ShouldBe("Dominican Republic's sixth action plan 2026–2028");
        (await factory.MailsToAsync(poc.Email!)).Select(m => m.Subject).ShouldContain("Action plan published: Dominican Republic's sixth action plan 2026–2028");
        var trail = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectKey == "DO0050" && a.Action == AuditAction.Changed).Select(a => new { a.UserName, a.Changes }).ToListAsync());
        trail.ShouldContain(a => a.UserName == DemoAccounts.SupportUnit && a.Changes.Contains("Returned"));
        trail.ShouldContain(a => a.UserName == poc.Email && a.Changes.Contains("Submitted"));
    }

    [Fact]
    public async Task Return_WithoutAReason_ShowsTheMessageBesideTheFieldAndChangesNothing()
    {
        var reviewable = await MakeReviewablePlanAsync();
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        // Another test of this class may have returned one of the plan's commitments already: the count must not change.
        var returnedBefore = await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.ActionPlanId == reviewable && c.ReviewStatus == CommitmentReviewStatus.Returned));
        using var response = await staff.SubmitFormAsync($"/support-unit/reviews/{reviewable}", Fields(("Reason", "   ")), "form[action*='/commitments/'][action$='/return']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector(".invalid-feedback")!.TextContent.ShouldStartWith("Say why it is returned");
        page.QuerySelector("textarea[aria-invalid=true]").ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.ActionPlanId == reviewable && c.ReviewStatus == CommitmentReviewStatus.Returned))).ShouldBe(returnedBefore);
    }

    [Fact]
    public async Task ReturnPlan_SendsTheWholePlanBackToDraftWithTheReason()
    {
        var planId = await MakeSubmittablePlanAsync("AM", 7);
        var poc = await factory.CreatePointOfContactAsync("AM");
        using var government = await factory.SignedInClientAsync(poc.Email!, PortalAppFactory.DemoPassword);
        (await government.SubmitFormAsync($"/poc/plans/{planId}", Fields(), "form[action$='/submit']")).Dispose();
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var empty = await staff.SubmitFormAsync($"/support-unit/reviews/{planId}", Fields(("Reason", "")), $"form[action='/support-unit/reviews/{planId}/return']");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(empty)).QuerySelector("#reason-plan-error")!.TextContent.ShouldStartWith("Say why it is returned");
        using var returned = await staff.SubmitFormAsync($"/support-unit/reviews/{planId}", Fields(("Reason", "Hold the public consultation first.")), $"form[action='/support-unit/reviews/{planId}/return']");

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var plan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => new { p.Status, p.ReturnReason }).SingleAsync());
        plan.Status.ShouldBe(ActionPlanStatus.Draft);
        plan.ReturnReason.ShouldBe("Hold the public consultation first.");
        (await factory.MailsToAsync(poc.Email!)).Select(m => m.Subject).ShouldContain("Action plan returned to Draft: Test plan AM 7");
        (await government.GetDocumentAsync($"/poc/plans/{planId}")).QuerySelector("main")!.TextContent.ShouldContain("Hold the public consultation first.");
    }

    [Fact]
    public async Task Submit_WithACommitmentMissingMilestones_NamesItAndKeepsTheDraft()
    {
        var draftId = await factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == "KE");
            var draft = ActionPlan.CreateDraft(member, 6, "Kenya's sixth action plan", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
            draft.AddCommitment("KE0040", new CommitmentText("Open county budgets", null, null, null, null, "The National Treasury", null, null, null));
            db.ActionPlans.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        using var government = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await government.SubmitFormAsync($"/poc/plans/{draftId}", Fields(), "form[action$='/submit']");
        var page = await government.GetDocumentAsync($"/poc/plans/{draftId}");

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("KE0040");
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == draftId).Select(p => p.Status).SingleAsync())).ShouldBe(ActionPlanStatus.Draft);
    }

    [Fact]
    public async Task Submit_ByAPointOfContact_NotifiesTheSupportUnit()
    {
        var planId = await MakeSubmittablePlanAsync("PH", 8);
        var poc = await factory.CreatePointOfContactAsync("PH");
        using var government = await factory.SignedInClientAsync(poc.Email!, PortalAppFactory.DemoPassword);

        using var response = await government.SubmitFormAsync($"/poc/plans/{planId}", Fields(), "form[action$='/submit']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(ActionPlanStatus.Submitted);
        var mail = (await factory.MailsToAsync(DemoAccounts.SupportUnit)).Single(m => m.Subject == "Action plan submitted for review: Philippines, action plan 8");
        mail.TextBody!.ShouldContain($"http://localhost:5000/support-unit/reviews/{planId}");
    }

    [Fact]
    public async Task PointOfContact_OfAnotherMember_CannotSeeOrSubmitThePlan()
    {
        var planId = await MakeSubmittablePlanAsync("UA", 8);
        using var kenya = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var page = await kenya.GetAsync(new Uri($"/poc/plans/{planId}", UriKind.Relative));
        var kenyaPage = await kenya.GetDocumentAsync("/poc");
        var kenyaToken = kenyaPage.QuerySelector("header form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = kenyaToken, ["version"] = Guid.Empty.ToString() });
        using var submit = await kenya.PostAsync(new Uri($"/poc/plans/{planId}/submit", UriKind.Relative), content);

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        submit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(ActionPlanStatus.Draft);
    }

    [Fact]
    public async Task Accept_FromAStalePage_IsRefusedWithAConflictMessage()
    {
        var planId = await MakeReviewablePlanAsync();
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var stale = await staff.GetDocumentAsync($"/support-unit/reviews/{planId}");
        var acceptForm = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action$='/accept']")!;
        var identifier = acceptForm.QuerySelector("button")!.TextContent.Replace("Accept ", string.Empty, StringComparison.Ordinal);
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(planId, CancellationToken.None);
            plan!.Commitments.Single(c => c.Identifier == identifier).Return(Domain.Access.PortalRole.SupportUnit, "Returned by a colleague meanwhile.");
            return await db.SaveChangesAsync();
        });

        using var response = await staff.SubmitAsync(acceptForm, Fields(), $"/support-unit/reviews/{planId}");
        var page = await staff.GetDocumentAsync($"/support-unit/reviews/{planId}");

        page.QuerySelector("[role=alert]")!.TextContent.ShouldBe(WorkflowChanges.ConflictMessage);
        (await StatusOfAsync(identifier)).ShouldBe(CommitmentReviewStatus.Returned);
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private Task<int> PlanIdAsync(string memberCode, int number) =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == memberCode && p.Number == number).Select(p => p.Id).SingleAsync());

    private Task<CommitmentReviewStatus> StatusOfAsync(string identifier) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).Select(c => c.ReviewStatus).SingleAsync());

    /// <summary>A draft plan of the member whose only commitment has a milestone, ready to submit.</summary>
    private Task<int> MakeSubmittablePlanAsync(string memberCode, int number) =>
        factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == memberCode);
            var plan = ActionPlan.CreateDraft(member, number, $"Test plan {memberCode} {number}", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
            plan.AddCommitment(CommitmentIdentifier.Create(memberCode, 9000 + number), new CommitmentText("Open procurement data", null, null, null, null, "Procurement agency", null, null, null))
                .AddMilestone("Publish the first data set", new DateOnly(2027, 6, 30));
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    /// <summary>Norway's fifth plan, given the missing milestone and submitted, so the Support Unit can review it.</summary>
    private Task<int> MakeReviewablePlanAsync() =>
        factory.WithDbAsync(async db =>
        {
            var plan = (await db.LoadPlanAsync(await db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync(), CancellationToken.None))!;
            if (plan.Status is ActionPlanStatus.Draft or ActionPlanStatus.InConsultation)
            {
                foreach (var commitment in plan.Commitments.Where(c => c.Milestones.Count == 0))
                {
                    commitment.AddMilestone("Publish the first data set", new DateOnly(2027, 6, 30));
                }

                plan.Submit(Domain.Access.PortalRole.PointOfContact, DateTime.UtcNow);
                await db.SaveChangesAsync();
            }

            return plan.Id;
        });
}

/// <summary>Closing plans and reading a commitment's history, as the Support Unit.</summary>
public sealed class PlanClosingAndHistoryTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Close_APublishedPlanWhosePeriodHasEnded_ClosesIt()
    {
        // Ukraine's 2024–2025 plan, as it stood before the Support Unit closed it.
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "UA" && p.Number == 6).Select(p => p.Id).SingleAsync());
        await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ActionPlanStatus.Published).SetProperty(p => p.ClosedAt, (DateTime?)null)));
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        (await staff.GetDocumentAsync("/support-unit")).QuerySelector("section[aria-labelledby=close-heading]")!.TextContent.ShouldContain("Ukraine's action plan 2024–2025");

        using var response = await staff.SubmitFormAsync($"/support-unit/reviews/{planId}", new Dictionary<string, string>(), "form[action$='/close']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync())).ShouldBe(ActionPlanStatus.Closed);
    }

    [Fact]
    public async Task CommitmentHistory_ShowsWhoChangedWhat_ToStaffOnly()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        var rows = (await staff.GetDocumentAsync("/support-unit/commitments/dk0041/history")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        using var forbidden = await poc.GetAsync(new Uri("/support-unit/commitments/DK0041/history", UriKind.Relative));

        rows.ShouldContain(r => r.Contains("Commitment created") && r.Contains("system") && r.Contains("Open data on public spending"));
        rows.ShouldContain(r => r.Contains("Milestone created") && r.Contains("Status") && r.Contains("Complete"));
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
