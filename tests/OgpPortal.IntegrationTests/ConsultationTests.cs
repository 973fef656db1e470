using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Public consultation on Norway's draft fifth plan (demo data): comment, moderation, reasoned response.</summary>
public sealed class ConsultationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Submitting_WhileTheConsultationIsOpen_AsksFirst_ThenClosesItToday_AndThePublicReadsSo()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var closesOn = today.AddDays(20);
        var planId = await KenyaDraftInConsultationAsync(closesOn);
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(planId, CancellationToken.None);
            plan!.Commitments.Single().AddMilestone("Publish the first county budgets", new DateOnly(2027, 6, 30));
            return await db.SaveChangesAsync();
        });
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var visitor = factory.CreateBrowserlikeClient();

        using var asked = await poc.SubmitFormAsync($"/poc/plans/{planId}", new Dictionary<string, string>(), "form[action$='/submit']");

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmation = asked.Headers.Location!.OriginalString;
        confirmation.ShouldBe($"/poc/plans/{planId}?confirm=submit");
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.InConsultation, "nothing changes before the point of contact confirms");
        var asking = (await poc.GetDocumentAsync(confirmation)).GetElementById("confirm-submit")!.TextContent;
        asking.ShouldContain($"planned to run until {closesOn:d MMMM yyyy}");
        asking.ShouldContain($"closes it today, {today:d MMMM yyyy}: comments stop");

        using var submitted = await poc.SubmitFormAsync(confirmation, new Dictionary<string, string>(), "#confirm-submit form");

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Submitted);
        (await factory.WithDbAsync(db => db.Consultations.Where(c => c.ActionPlanId == planId).Select(c => c.EndedOn).SingleAsync())).ShouldBe(today);
        var publicPage = (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector("main")!.TextContent;
        publicPage.ShouldContain($"Closed for comments on {today:d MMMM yyyy}");
        publicPage.ShouldContain($"(planned to run until {closesOn:d MMMM yyyy})");
        (await visitor.GetDocumentAsync("/consultations")).QuerySelector("main")!.TextContent.ShouldContain(today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Submitting_APlanThatCannotBeSubmitted_SaysWhyBeforeAskingToCloseTheConsultation()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var refused = await poc.SubmitFormAsync($"/poc/plans/{planId}", new Dictionary<string, string>(), "form[action$='/submit']");

        refused.Headers.Location!.OriginalString.ShouldBe($"/poc/plans/{planId}");
        var page = await poc.GetDocumentAsync(refused.Headers.Location.OriginalString);
        page.QuerySelector("main")!.TextContent.ShouldContain("Every commitment needs at least one milestone");
        page.GetElementById("confirm-submit").ShouldBeNull();
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.InConsultation);
    }

    [Fact]
    public async Task APlanInConsultation_IsListedOnItsMembersPublicPage_WithALinkToTheConsultation()
    {
        var planId = await NorwayPlanIdAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        var section = (await visitor.GetDocumentAsync("/members/NO")).GetElementById("consultations-heading")!.ParentElement!;

        section.QuerySelector($"a[href='/consultations/{planId}']")!.TextContent.ShouldContain("Norway's fifth action plan");
    }

    [Fact]
    public async Task Comment_IsHeldUntilThePocPublishesIt_ThenShownWithTheReasonedResponse()
    {
        var planId = await NorwayPlanIdAsync();
        var text = $"Publish the minutes of every forum meeting within two weeks ({Guid.NewGuid():N}).";
        using var visitor = factory.CreateBrowserlikeClient();
        var visitorMail = $"citizen-{Guid.NewGuid():N}@example.org";

        using var sent = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields(text, ("Form.AuthorName", "Kari Hansen"), ("Form.Email", visitorMail)), "form[action$='/comments']");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var publicPage = await visitor.GetDocumentAsync($"/consultations/{planId}");
        publicPage.QuerySelector("main")!.TextContent.ShouldNotContain(text);
        publicPage.QuerySelector("[role=status], .alert-success")?.TextContent.ShouldContain("once it has been moderated");

        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var commentId = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Text == text).Select(c => c.Id).SingleAsync());
        (await poc.GetDocumentAsync($"/poc/plans/{planId}/consultation")).QuerySelector($"#comment-{commentId}")!.TextContent.ShouldContain(text);
        using var published = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(), $"form[action$='/comments/{commentId}/publish']");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var shown = (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector($"#comment-{commentId}")!.TextContent;
        shown.ShouldContain(text);
        shown.ShouldContain("Awaiting a response");
        shown.ShouldNotContain("Kari Hansen", customMessage: "the author did not agree to be named");
        shown.ShouldNotContain(visitorMail);

        var ledTo = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "NO0091").Select(c => c.Id).SingleAsync());
        using var answered = await poc.SubmitFormAsync(
            $"/poc/plans/{planId}/consultation",
            Fields(($"Answer{commentId}.Outcome", nameof(ResponseOutcome.Accepted)), ($"Answer{commentId}.Response", "Added as a milestone of NO0091: minutes within 14 days."), ($"Answer{commentId}.LedToCommitmentId", ledTo.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            $"form[action$='/comments/{commentId}/respond']");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var final = (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector($"#comment-{commentId}")!.TextContent;
        final.ShouldContain("Taken up");
        final.ShouldContain("Added as a milestone of NO0091: minutes within 14 days.");
        final.ShouldContain("Led to commitment");
        final.ShouldContain("NO0091");
        (await factory.MailsToAsync(visitorMail)).Select(m => m.Subject).ShouldContain("Norway answered your comment on its draft action plan");
    }

    [Fact]
    public async Task Respond_WithoutAnOutcome_ShowsTheErrorInThatCommentsForm_NotInTheConsultationsBox()
    {
        var planId = await NorwayPlanIdAsync();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var page = await poc.GetDocumentAsync($"/poc/plans/{planId}/consultation");
        var commentId = int.Parse(page.QuerySelector("form[action$='/respond']")!.GetAttribute("action")!.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);

        using var response = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(($"Answer{commentId}.Outcome", string.Empty), ($"Answer{commentId}.Response", string.Empty)), $"form[action$='/comments/{commentId}/respond']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await HtmlForms.ParseAsync(response);
        var summary = shown.QuerySelector($"#comment-{commentId} [role=alert]")!;
        summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([$"#Answer{commentId}_Outcome", $"#Answer{commentId}_Response"], "every error, in the form's order");
        shown.QuerySelector($"#Answer{commentId}_Outcome[aria-invalid=true]").ShouldNotBeNull();
        shown.QuerySelector("section[aria-labelledby=scope-heading] [role=alert]").ShouldBeNull();
    }

    [Fact]
    public async Task PublicPage_ShowsOnlyPublishedComments_AndNamesOnlyWithConsent()
    {
        var planId = await NorwayPlanIdAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        var text = (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector("main")!.TextContent;

        text.ShouldContain("Ingrid Løvås, Transparency International Norge");
        text.ShouldContain("Innsynskrav bør kunne sendes på engelsk også");
        text.ShouldNotContain("Ola Nordmann");
        text.ShouldNotContain("register of meetings between ministers and lobbyists", customMessage: "held for moderation");
        text.ShouldContain("Partly taken up");
    }

    [Theory]
    [InlineData("", "Write your comment.")]
    [InlineData("https://spam.example/buy https://spam.example/now", "not only links")]
    [InlineData("Read http://a.example http://b.example http://c.example http://d.example please", "at most 3 links")]
    public async Task Comment_WithBadText_IsRefusedWithAMessageAndNothingIsSaved(string text, string message)
    {
        var planId = await NorwayPlanIdAsync();
        var before = await CommentCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields(text), "form[action$='/comments']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#Form_Text-error")!.TextContent.ShouldContain(message);
        (await CommentCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Comment_OverTheLengthLimitOrWithABadAddress_IsRefused()
    {
        var planId = await NorwayPlanIdAsync();
        var before = await CommentCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var tooLong = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields(new string('a', ConsultationComment.MaxTextLength + 1)), "form[action$='/comments']");
        using var badMail = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields("A fine comment.", ("Form.Email", "not-an-address")), "form[action$='/comments']");

        (await HtmlForms.ParseAsync(tooLong)).QuerySelector("#Form_Text-error")!.TextContent.ShouldContain("at most 4000 characters");
        (await HtmlForms.ParseAsync(badMail)).QuerySelector("#Form_Email-error")!.TextContent.ShouldContain("e-mail address");
        (await CommentCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Comment_WithAScriptTag_IsShownAsInertText()
    {
        var planId = await NorwayPlanIdAsync();
        var marker = Guid.NewGuid().ToString("N");
        using var visitor = factory.CreateBrowserlikeClient();
        (await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields($"<script>alert('{marker}')</script> Open the registers."), "form[action$='/comments']")).Dispose();
        await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Text.Contains(marker)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Published)));

        using var page = await visitor.GetAsync(new Uri($"/consultations/{planId}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        html.ShouldNotContain($"<script>alert('{marker}')");
        html.ShouldContain($"&lt;script&gt;alert(&#x27;{marker}&#x27;)&lt;/script&gt;");
    }

    [Fact]
    public async Task Comment_FromARobotFillingTheHoneypot_IsDroppedButAnsweredPolitely()
    {
        var planId = await NorwayPlanIdAsync();
        var before = await CommentCountAsync();
        using var robot = factory.CreateBrowserlikeClient();

        using var response = await robot.SubmitFormAsync($"/consultations/{planId}", CommentFields("Cheap watches here, great prices.", ("Form.Website", "https://spam.example")), "form[action$='/comments']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Comment_OnADraftCommitmentNotPutToConsultation_IsRefused()
    {
        var planId = await NorwayPlanIdAsync();
        var outside = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "NO0093").Select(c => c.Id).SingleAsync());
        var before = await CommentCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var response = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields("Climate data matters.", ("Form.CommitmentId", outside.ToString(System.Globalization.CultureInfo.InvariantCulture))), "form[action$='/comments']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("Comments can be made on the plan or on a draft commitment put to consultation.");
        (await CommentCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Comment_AfterTheClosingDay_IsRefusedAndTheFormIsGone()
    {
        var planId = await KenyaDraftInConsultationAsync(closesOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        using var visitor = factory.CreateBrowserlikeClient();
        var page = await visitor.GetDocumentAsync($"/consultations/{planId}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action$='/comments']")!;
        await factory.WithDbAsync(db => db.Consultations.Where(c => c.ActionPlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));

        using var response = await visitor.SubmitAsync(form, CommentFields("Too late, but here it is."), $"/consultations/{planId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("comments are no longer taken");
        (await factory.WithDbAsync(db => db.ConsultationComments.CountAsync(c => c.Consultation.ActionPlanId == planId))).ShouldBe(0);
        (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector("form[action$='/comments']").ShouldBeNull();
    }

    [Fact]
    public async Task Poc_OpensConsultationOnADraft_ItIsListedPublicly_AndAPastClosingDateIsRefused()
    {
        var planId = await KenyaDraftAsync();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var past = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(("Form.ClosesOn", "2020-01-01"), ("Form.Themes", "Open county budgets")), "main form[action$='/consultation']");
        past.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await past.MainTextAsync()).ShouldContain("The closing date cannot be in the past.");
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Draft);

        var closes = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        using var opened = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(("Form.ClosesOn", closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Form.Themes", "Which county budgets should be opened first?")), "main form[action$='/consultation']");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.InConsultation);

        using var visitor = factory.CreateBrowserlikeClient();
        var list = (await visitor.GetDocumentAsync("/consultations")).QuerySelector("main")!.TextContent;
        var plan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => new { p.Number, p.Title }).SingleAsync());
        list.ShouldContain($"Kenya, action plan {plan.Number}: {plan.Title}");
        var page = (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector("main")!.TextContent;
        page.ShouldContain("Which county budgets should be opened first?");
        page.ShouldContain(": Open county budgets in one portal");
    }

    [Fact]
    public async Task Moderation_ByAnotherMembersPointOfContact_IsForbidden()
    {
        var planId = await NorwayPlanIdAsync();
        var held = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Consultation.ActionPlanId == planId && c.Status == CommentStatus.Held).Select(c => new { c.Id, c.Version }).FirstAsync());
        using var kenya = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var page = await kenya.GetAsync(new Uri($"/poc/plans/{planId}/consultation", UriKind.Relative));
        using var publish = await kenya.PostWithTokenAsync($"/poc/plans/{planId}/consultation/comments/{held.Id}/publish", Fields(("version", held.Version.ToString())));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        publish.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Id == held.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CommentStatus.Held);
    }

    [Fact]
    public async Task SupportUnit_SeesWhereCommentsWait_AndMayRejectOneAsSpam()
    {
        var planId = await NorwayPlanIdAsync();
        using var visitor = factory.CreateBrowserlikeClient();
        var spam = $"Visit our casino today {Guid.NewGuid():N}";
        (await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields(spam), "form[action$='/comments']")).Dispose();
        var commentId = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Text == spam).Select(c => c.Id).SingleAsync());
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        (await staff.GetDocumentAsync("/support-unit/consultations")).QuerySelector("main")!.TextContent.ShouldContain("Norway, action plan 5");
        using var rejected = await staff.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(), $"form[action$='/comments/{commentId}/reject']:has(input[value='Spam'])");

        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Id == commentId).Select(c => new { c.Status, c.RejectionReason }).SingleAsync()))
            .ShouldBe(new { Status = CommentStatus.Rejected, RejectionReason = (RejectionReason?)RejectionReason.Spam });
        (await visitor.GetDocumentAsync($"/consultations/{planId}")).QuerySelector("main")!.TextContent.ShouldNotContain(spam);
    }

    [Fact]
    public async Task PublishedPlan_ShowsHowMuchInputItsConsultationReceivedAndAnswered()
    {
        var planId = await NorwayPlanIdAsync();
        var tally = await factory.WithDbAsync(async db => new
        {
            Received = await db.ConsultationComments.CountAsync(c => c.Consultation.ActionPlanId == planId && c.Status != CommentStatus.Rejected),
            Answered = await db.ConsultationComments.CountAsync(c => c.Consultation.ActionPlanId == planId && c.ResponseOutcome != null),
        });
        await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ActionPlanStatus.Published)));
        try
        {
            using var visitor = factory.CreateBrowserlikeClient();
            var text = (await visitor.GetDocumentAsync($"/action-plans/{planId}")).QuerySelector("#consultation-heading")!.ParentElement!.TextContent;

            text.ShouldContain($"{tally.Received} input(s) received, {tally.Answered} answered");
        }
        finally
        {
            await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ActionPlanStatus.InConsultation)));
        }
    }

    [Fact]
    public async Task RemovingADraftCommitmentWithPublicInput_IsRefused_ButOneOnlyPutToConsultationGoes()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        var commitment = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => new { c.Id, c.Version }).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var removed = await poc.PostWithTokenAsync($"/poc/commitments/{commitment.Id}/delete", Fields(("version", commitment.Version.ToString())));

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Commitments.AnyAsync(c => c.Id == commitment.Id))).ShouldBeFalse();
        (await visitorPage(planId)).ShouldNotContain("Open county budgets in one portal");

        async Task<string> visitorPage(int id)
        {
            using var visitor = factory.CreateBrowserlikeClient();
            return (await visitor.GetDocumentAsync($"/consultations/{id}")).QuerySelector("main")!.TextContent;
        }
    }

    [Fact]
    public async Task ThePublic_ReadsEachConsultedCommitmentInFull_AndEditsWhileOpenReachIt()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        var commitmentId = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => c.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var edited = await poc.SubmitFormAsync($"/poc/commitments/{commitmentId}/edit", DraftText("Counties publish budgets late and in many places.", "Publish every county budget in one portal"));

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = await PublicDraftAsync(planId);
        draft.ShouldContain("Counties publish budgets late and in many places.");
        draft.ShouldContain("Publish every county budget in one portal");
        draft.ShouldContain("The National Treasury");
        draft.ShouldContain("Draft the portal with county assemblies");
    }

    [Fact]
    public async Task AfterTheConsultationCloses_LaterDraftEdits_StayPrivate_AndTheRecordOfWhatWasConsultedStays()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        var commitmentId = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => c.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var closed = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", new Dictionary<string, string>(), "form[action$='/close']");
        (await PlanStatusAsync(planId)).ShouldBe(ActionPlanStatus.Draft);

        using var edited = await poc.SubmitFormAsync($"/poc/commitments/{commitmentId}/edit", DraftText("An unreviewed second thought.", "A new and unreviewed commitment title"));

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = await PublicDraftAsync(planId);
        draft.ShouldContain("Open county budgets in one portal", customMessage: "the public reads what was put to consultation");
        draft.ShouldNotContain("unreviewed");
    }

    [Fact]
    public async Task ADraftRemovedAfterTheConsultationClosed_StaysInItsRecord()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        var commitment = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => new { c.Id, c.Version }).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var closed = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", new Dictionary<string, string>(), "form[action$='/close']");

        using var removed = await poc.PostWithTokenAsync($"/poc/commitments/{commitment.Id}/delete", Fields(("version", commitment.Version.ToString())));

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Commitments.AnyAsync(c => c.Id == commitment.Id))).ShouldBeFalse();
        (await PublicDraftAsync(planId)).ShouldContain("Open county budgets in one portal");
    }

    [Fact]
    public async Task AReasonedResponseNamingADraftCommitment_ShowsNoTitleForIt()
    {
        var planId = await NorwayPlanIdAsync();
        var draft = await factory.KenyaDraftAsync();
        var (commentId, identifier) = await factory.WithDbAsync(async db =>
        {
            var consultation = await db.LoadConsultationAsync(planId, withComments: true, CancellationToken.None);
            var comment = consultation!.Receive(new CommentSubmission("Please open the data on lobbying.", null, null, null, false, null), DateTime.UtcNow);
            await db.SaveChangesAsync();
            var ledTo = await db.Commitments.SingleAsync(c => c.ActionPlanId == draft);
            await db.ConsultationComments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, CommentStatus.Published)
                .SetProperty(c => c.ResponseOutcome, ResponseOutcome.Accepted)
                .SetProperty(c => c.Response, "Taken up in a draft commitment.")
                .SetProperty(c => c.RespondedAt, DateTime.UtcNow)
                .SetProperty(c => c.LedToCommitmentId, ledTo.Id));
            return (comment.Id, ledTo.Identifier);
        });
        using var visitor = factory.CreateBrowserlikeClient();

        var answered = string.Join(' ', (await visitor.GetDocumentAsync($"/consultations/{planId}")).GetElementById($"comment-{commentId}")!.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        answered.ShouldContain($"Led to commitment {identifier} (in the draft plan)");
        answered.ShouldNotContain("Open county budgets in one portal");
    }

    [Fact]
    public async Task AReasonedResponseNamingAConsultedDraft_ShowsItsTitleAsPutToConsultation_NotItsLaterWords()
    {
        var planId = await KenyaDraftInConsultationAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        var commentId = await factory.WithDbAsync(async db =>
        {
            var consultation = await db.LoadConsultationAsync(planId, withComments: true, CancellationToken.None);
            var comment = consultation!.Receive(new CommentSubmission("Publish the budgets before the county assemblies vote.", null, null, null, false, null), DateTime.UtcNow);
            await db.SaveChangesAsync();
            var draft = consultation.Commitments.Single();
            await db.ConsultationComments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, CommentStatus.Published)
                .SetProperty(c => c.ResponseOutcome, ResponseOutcome.Accepted)
                .SetProperty(c => c.Response, "Taken up in the draft.")
                .SetProperty(c => c.RespondedAt, DateTime.UtcNow)
                .SetProperty(c => c.LedToCommitmentId, draft.Id));
            return comment.Id;
        });
        var commitmentId = await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => c.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using var closed = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", new Dictionary<string, string>(), "form[action$='/close']");
        using var edited = await poc.SubmitFormAsync($"/poc/commitments/{commitmentId}/edit", DraftText("An unreviewed second thought.", "A new and unreviewed commitment title"));
        using var visitor = factory.CreateBrowserlikeClient();

        var answered = string.Join(' ', (await visitor.GetDocumentAsync($"/consultations/{planId}")).GetElementById($"comment-{commentId}")!.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answered.ShouldContain(": Open county budgets in one portal");
        answered.ShouldNotContain("unreviewed");
    }

    private static Dictionary<string, string> DraftText(string problem, string title) => new()
    {
        ["Title"] = title,
        ["Problem"] = problem,
        ["Description"] = "One portal for the budgets of all 47 counties.",
        ["Solution"] = "Citizens can compare and question county spending.",
        ["StartDate"] = "2027-01-01",
        ["EndDate"] = "2028-12-31",
        ["AccessToInformation"] = "true",
        ["Milestones[0].Title"] = "Draft the portal with county assemblies",
        ["Milestones[0].DueDate"] = "2027-06-30",
    };

    private async Task<string> PublicDraftAsync(int planId)
    {
        using var visitor = factory.CreateBrowserlikeClient();
        return (await visitor.GetDocumentAsync($"/consultations/{planId}")).GetElementById("themes-heading")!.ParentElement!.TextContent;
    }

    /// <summary>
    /// PostgreSQL cannot store the NUL character (SQLite can): a form holding one is refused before it reaches the
    /// database (400, nothing saved) on every engine; other control characters are kept as typed.
    /// </summary>
    [Fact]
    public async Task Comment_WithANulCharacter_IsRefusedAndChangesNothing_OtherControlCharactersAreKept()
    {
        var planId = await NorwayPlanIdAsync();
        var marker = Guid.NewGuid().ToString("N");
        var before = await CommentCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var refused = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields($"Null\u0000here {marker}"), "form[action$='/comments']");
        using var sent = await visitor.SubmitFormAsync($"/consultations/{planId}", CommentFields($"Bell\u0007, line\nbreak {marker}"), "form[action$='/comments']");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentCountAsync()).ShouldBe(before + 1);
        var saved = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Text.Contains(marker)).Select(c => c.Text).SingleAsync());
        saved.ShouldBe($"Bell\u0007, line\nbreak {marker}");
    }

    private static Dictionary<string, string> CommentFields(string text, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["Form.Text"] = text };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private Task<int> NorwayPlanIdAsync() =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());

    private Task<int> CommentCountAsync() => factory.WithDbAsync(db => db.ConsultationComments.CountAsync());

    private Task<ActionPlanStatus> PlanStatusAsync(int planId) =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());

    private Task<int> KenyaDraftAsync() => factory.KenyaDraftAsync();

    private async Task<int> KenyaDraftInConsultationAsync(DateOnly closesOn)
    {
        var planId = await KenyaDraftAsync();
        await factory.WithDbAsync(async db =>
        {
            var plan = await db.LoadPlanAsync(planId, CancellationToken.None);
            db.Consultations.Add(Consultation.Open(plan!, Domain.Access.PortalRole.PointOfContact, closesOn, "County budgets", plan!.Commitments, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        return planId;
    }
}
