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
        using (var asked = await staff.SubmitFormAsync(review, Fields(), "form[action$='/publish']"))
        {
            asked.Headers.Location!.OriginalString.ShouldEndWith("?confirm=publish");
        }

        using (var published = await staff.SubmitFormAsync($"{review}?confirm=publish", Fields(), "#confirm-publish form"))
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

/// <summary>
/// Publishing as the Support Unit meets it: every remaining commitment accepted in one step, a confirmation before the
/// text is frozen, and the co-creation checklist counting the portal's own consultation beside it and on the public page.
/// </summary>
public sealed class PublishingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AcceptAllRemaining_ThenPublish_AsksToConfirm_AndPublishesOnlyWhenConfirmed()
    {
        var planId = await SubmittedPlanAsync("PH", 9, commitments: 3);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var review = $"/support-unit/reviews/{planId}";

        using (var accepted = await staff.SubmitFormAsync(review, NoFields, "#accept-remaining"))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StatusesAsync(planId)).ShouldAllBe(s => s == CommitmentReviewStatus.Accepted);
        using (var asked = await staff.SubmitFormAsync(review, NoFields, "form[action$='/publish']"))
        {
            asked.Headers.Location!.OriginalString.ShouldEndWith("?confirm=publish");
        }

        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Submitted);
        var confirmation = (await staff.GetDocumentAsync($"{review}?confirm=publish")).QuerySelector("#confirm-publish")!;
        confirmation.TextContent.ShouldContain("freezes their text");
        confirmation.TextContent.ShouldContain("participation and co-creation standards are not met");

        using (var published = await staff.SubmitFormAsync($"{review}?confirm=publish", NoFields, "#confirm-publish form"))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Published);
    }

    [Fact]
    public async Task AcceptAllRemaining_WhenTheCommitmentsWaitingChangedSinceThePageLoaded_AcceptsNone()
    {
        var planId = await SubmittedPlanAsync("UA", 9, commitments: 3);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var stale = await staff.GetDocumentAsync($"/support-unit/reviews/{planId}");
        var form = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#accept-remaining")!;
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(planId, CancellationToken.None);
            plan!.Commitments.OrderBy(c => c.Position).First().Return(Domain.Access.PortalRole.SupportUnit, "Returned by a colleague meanwhile.");
            return await db.SaveChangesAsync();
        });

        using var response = await staff.SubmitAsync(form, NoFields, $"/support-unit/reviews/{planId}");
        var page = await staff.GetDocumentAsync($"/support-unit/reviews/{planId}");

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("changed since the page was loaded");
        (await StatusesAsync(planId)).ShouldBe([CommitmentReviewStatus.Returned, CommitmentReviewStatus.Submitted, CommitmentReviewStatus.Submitted]);
    }

    [Fact]
    public async Task AcceptRemaining_ListingACommitmentTwice_IsRefusedAndAcceptsNone()
    {
        var planId = await SubmittedPlanAsync("AM", 9, commitments: 2);
        var first = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).OrderBy(c => c.Position).Select(c => new { c.Id, c.Version }).FirstAsync());
        var (id, version) = (first.Id, first.Version);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var fields = new Dictionary<string, string>
        {
            ["Commitments[0].Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Commitments[0].Version"] = version.ToString(),
            ["Commitments[1].Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Commitments[1].Version"] = version.ToString(),
        };

        using var response = await staff.PostWithTokenAsync($"/support-unit/reviews/{planId}/accept-remaining", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusesAsync(planId)).ShouldAllBe(s => s == CommitmentReviewStatus.Submitted);
    }

    [Fact]
    public async Task Publish_PostedWithoutConfirmation_ChangesNothing()
    {
        var planId = await SubmittedPlanAsync("KE", 9, commitments: 1);
        await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewStatus, CommitmentReviewStatus.Accepted)));
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var response = await staff.SubmitFormAsync($"/support-unit/reviews/{planId}", NoFields, "form[action$='/publish']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Submitted);
    }

    [Fact]
    public async Task Checklist_CountsThePortalsConsultationAndItsReasonedResponses_WithoutAnyoneTickingThem()
    {
        // Norway's fifth plan is in consultation on the portal: one comment answered, one published and not
        // answered, one held for moderation; no link for a consultation or a reasoned response is recorded.
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var before = await ChecklistAsync(staff, $"/support-unit/plans/{planId}");
        await factory.WithDbAsync(async db =>
        {
            var consultation = await db.Consultations.Include(c => c.Comments).Include(c => c.ActionPlan).SingleAsync(c => c.ActionPlanId == planId);
            foreach (var comment in consultation.Comments)
            {
                if (comment.Status == Domain.Consultations.CommentStatus.Held)
                {
                    comment.Publish(DateTime.UtcNow);
                }

                if (!comment.IsAnswered)
                {
                    comment.Respond(Domain.Consultations.ResponseOutcome.NotTakenUp, "Outside what this plan can do; we pass it to the ministry.", null, DateTime.UtcNow);
                }
            }

            return await db.SaveChangesAsync();
        });
        var after = await ChecklistAsync(staff, $"/support-unit/plans/{planId}");

        before["Consultation"].ShouldStartWith("Met");
        before["Consultation"].ShouldContain("Open on this portal from");
        before["ReasonedResponse"].ShouldStartWith("Not met");
        before["ReasonedResponse"].ShouldContain("still waiting for moderation");
        after["ReasonedResponse"].ShouldStartWith("Met");
        after["ReasonedResponse"].ShouldContain("Every one of the 3 published comments has a reasoned response on this portal.");
    }

    [Fact]
    public async Task PublicPlanPage_ShowsTheChecklistsResult_InThePagesLanguage()
    {
        // Denmark's fourth plan: published, no consultation on the portal and no co-creation record.
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "DK" && p.Number == 4).Select(p => p.Id).SingleAsync());
        using var visitor = factory.CreateBrowserlikeClient();
        using var hispanophone = factory.CreateBrowserlikeClient();
        hispanophone.DefaultRequestHeaders.Add("Accept-Language", "es");

        var english = await ChecklistAsync(visitor, $"/action-plans/{planId}");
        var spanish = await ChecklistAsync(hispanophone, $"/action-plans/{planId}");

        english.Keys.ShouldBe(["Forum", "Repository", "Consultation", "ReasonedResponse"]);
        english["Consultation"].ShouldContain("No consultation was held on this portal");
        spanish["Consultation"].ShouldStartWith("No cumplido");
        spanish["Consultation"].ShouldContain("No se realizó ninguna consulta en este portal");
    }

    private static readonly Dictionary<string, string> NoFields = [];

    private static async Task<Dictionary<string, string>> ChecklistAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("li[data-standard]")
            .ToDictionary(li => li.GetAttribute("data-standard")!, li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    private Task<ActionPlanStatus> PlanStatusAsync(int planId) =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());

    private Task<List<CommitmentReviewStatus>> StatusesAsync(int planId) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).OrderBy(c => c.Position).Select(c => c.ReviewStatus).ToListAsync());

    /// <summary>A submitted plan of the member with the given number of commitments, each with a milestone.</summary>
    private Task<int> SubmittedPlanAsync(string memberCode, int number, int commitments) =>
        factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == memberCode);
            var plan = ActionPlan.CreateDraft(member, number, $"Test plan {memberCode} {number}", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
            for (var i = 1; i <= commitments; i++)
            {
                plan.AddCommitment(CommitmentIdentifier.Create(memberCode, 9100 + (number * 10) + i), new CommitmentText($"Commitment {i}", null, null, null, null, "Procurement agency", null, null, null))
                    .AddMilestone("Publish the first data set", new DateOnly(2027, 6, 30));
            }

            db.ActionPlans.Add(plan);
            plan.Submit(Domain.Access.PortalRole.PointOfContact, DateTime.UtcNow);
            await db.SaveChangesAsync();
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
