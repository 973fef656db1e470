using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>A point of contact writes commitments in Norway's draft plan through the real form.</summary>
public sealed class CommitmentEditingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Dictionary<string, string> GoodCommitment = new()
    {
        ["Title"] = "Open register of lobbyists",
        ["ShortTitle"] = "Lobby register",
        ["Problem"] = "Meetings between lobbyists and ministries are **not recorded**.",
        ["Description"] = "Create a public register of lobbyists and their meetings.",
        ["Solution"] = "Citizens can see who influences decisions.",
        ["LeadInstitution"] = "Ministry of Local Government and Regional Development",
        ["SupportingInstitutions"] = "Transparency International Norway",
        ["StartDate"] = "2027-02-01",
        ["EndDate"] = "2028-06-30",
        ["AccessToInformation"] = "true",
        ["PublicAccountability"] = "true",
        ["PolicyAreaIds"] = PolicyAreaCatalog.Find("Lobbying")!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ChallengeArea"] = nameof(ChallengeArea.AntiCorruption),
        ["Milestones[0].Title"] = "Draft the register's rules with civil society",
        ["Milestones[0].DueDate"] = "2027-09-30",
        ["Milestones[1].Title"] = "Open the register",
        ["Milestones[1].DueDate"] = "2028-03-31",
        ["Milestones[1].Weight"] = "2",
    };

    [Fact]
    public async Task AddCommitment_WithTheTemplateFilledIn_SavesItWithTheNextIdentifier()
    {
        var planId = await NorwayDraftIdAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}/commitments/new", GoodCommitment);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Commitments
            .Where(c => c.ActionPlanId == planId && c.Title == "Open register of lobbyists")
            .Select(c => new { c.Identifier, c.Values, c.ChallengeArea, c.CreatedBy, Areas = c.PolicyAreas.Select(a => a.Name).ToList(), Milestones = c.Milestones.OrderBy(m => m.DueDate).Select(m => new { m.Title, m.Weight }).ToList() })
            .SingleAsync());
        saved.Identifier.ShouldMatch("^NO\\d{4}$");
        CommitmentIdentifier.NumberOf(saved.Identifier).ShouldBeGreaterThan(93);
        saved.Values.ShouldBe(OgpValues.AccessToInformation | OgpValues.PublicAccountability);
        saved.ChallengeArea.ShouldBe(ChallengeArea.AntiCorruption);
        saved.Areas.ShouldBe(["Lobbying"]);
        saved.Milestones.Select(m => (m.Title, m.Weight)).ShouldBe([("Draft the register's rules with civil society", 1), ("Open the register", 2)]);
        saved.CreatedBy.ShouldBe(DemoAccounts.PocNorway);
        (await client.GetDocumentAsync($"/poc/plans/{planId}")).QuerySelector("main")!.TextContent.ShouldContain($"{saved.Identifier}: Open register of lobbyists");
    }

    [Theory]
    [InlineData("Title", "", "Title", "Give the commitment a title.")]
    [InlineData("LeadInstitution", " ", "LeadInstitution", "Name the lead institution.")]
    [InlineData("EndDate", "2027-01-15", "EndDate", "The end date must be on or after the start date.")]
    [InlineData("StartDate", "2026-05-01", "StartDate", "The start date must fall within the plan period")]
    [InlineData("Milestones[0].DueDate", "2030-01-01", "Milestones[0].DueDate", "The due date must fall within the plan period")]
    [InlineData("Milestones[1].Title", "", "Milestones[1].Title", "Give the milestone a title.")]
    public async Task AddCommitment_WithBadInput_ShowsTheMessageBesideTheFieldKeepsTheRestAndSavesNothing(string field, string value, string errorField, string message)
    {
        var planId = await NorwayDraftIdAsync();
        var before = await CountAsync(planId);
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}/commitments/new", new Dictionary<string, string>(GoodCommitment) { [field] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        var id = errorField.Replace('[', '_').Replace(']', '_').Replace('.', '_');
        page.QuerySelector($"#{id}-error")!.TextContent.ShouldStartWith(message);
        page.QuerySelector($"#{id}")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector($"[role=alert] a[href='#{id}']")!.TextContent.ShouldStartWith(message);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#SupportingInstitutions")!.Value.ShouldBe("Transparency International Norway");
        (await CountAsync(planId)).ShouldBe(before);
    }

    [Fact]
    public async Task AddCommitment_WithoutAnyMilestone_IsRefused()
    {
        var planId = await NorwayDraftIdAsync();
        var before = await CountAsync(planId);
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var fields = GoodCommitment.Where(f => !f.Key.StartsWith("Milestones", StringComparison.Ordinal)).ToDictionary();

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}/commitments/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("Add at least one milestone, with its due date.");
        (await CountAsync(planId)).ShouldBe(before);
    }

    [Fact]
    public async Task AddCommitment_WithAnOverlongTitleOrTechnologyAlone_IsRefused()
    {
        var planId = await NorwayDraftIdAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var fields = new Dictionary<string, string>(GoodCommitment)
        {
            ["Title"] = new string('x', Limits.CommitmentTitle + 1),
            ["AccessToInformation"] = "false",
            ["PublicAccountability"] = "false",
            ["TechnologyAndInnovation"] = "true",
        };

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}/commitments/new", fields);

        var text = await response.MainTextAsync();
        text.ShouldContain("The title has at most 1000 characters.");
        text.ShouldContain("Technology and innovation counts only alongside");
    }

    [Fact]
    public async Task AnotherMembersPointOfContact_CannotOpenOrPostTheForm()
    {
        var planId = await NorwayDraftIdAsync();
        var before = await CountAsync(planId);
        using var kenya = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var form = await kenya.GetAsync(new Uri($"/poc/plans/{planId}/commitments/new", UriKind.Relative));
        var token = (await kenya.GetDocumentAsync("/poc")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(GoodCommitment) { ["__RequestVerificationToken"] = token });
        using var post = await kenya.PostAsync(new Uri($"/poc/plans/{planId}/commitments/new", UriKind.Relative), content);

        form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync(planId)).ShouldBe(before);
    }

    [Fact]
    public async Task EditCommitment_ChangesTextAndMilestones()
    {
        var id = await CommitmentIdAsync("NO0092");
        var problem = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Problem).SingleAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var page = await client.GetDocumentAsync($"/poc/commitments/{id}/edit");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Title")!.Value.ShouldStartWith("Guidance on integrity");

        using var response = await client.SubmitFormAsync($"/poc/commitments/{id}/edit", new Dictionary<string, string>
        {
            ["Title"] = "Integrity guidance for the public administration",
            ["Milestones[0].Title"] = string.Empty,
            ["Milestones[0].DueDate"] = string.Empty,
            ["Milestones[3].Title"] = "Train 500 managers",
            ["Milestones[3].DueDate"] = "2028-10-31",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => new { c.Title, c.Problem, Areas = c.PolicyAreas.Count, Milestones = c.Milestones.Select(m => m.Title).ToList() }).SingleAsync());
        saved.Title.ShouldBe("Integrity guidance for the public administration");
        saved.Problem.ShouldBe(problem, "fields the user did not touch keep their text");
        saved.Areas.ShouldBe(1);
        saved.Milestones.ShouldContain("Train 500 managers");
        saved.Milestones.ShouldNotContain("Consult civil society and users on the scope");
    }

    [Fact]
    public async Task SupportUnit_CanEditAnyMembersCommitment_AndAResearcherCannot()
    {
        var id = await CommitmentIdAsync("NO0093");
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var researcher = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);

        using var response = await staff.SubmitFormAsync($"/poc/commitments/{id}/edit", new Dictionary<string, string>
        {
            ["ShortTitle"] = "Climate data re-use",
            ["Milestones[0].Title"] = "Publish the first climate data sets",
            ["Milestones[0].DueDate"] = "2027-12-31",
        });
        using var denied = await researcher.GetAsync(new Uri($"/poc/commitments/{id}/edit", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => new { c.ShortTitle, c.UpdatedBy }).SingleAsync());
        saved.ShortTitle.ShouldBe("Climate data re-use");
        saved.UpdatedBy.ShouldBe(DemoAccounts.SupportUnit);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EditCommitment_FromAStaleForm_IsRefusedAndKeepsTheOtherEdit()
    {
        var id = await CommitmentIdAsync("NO0091");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        var stale = await client.GetDocumentAsync($"/poc/commitments/{id}/edit");
        using (var first = await client.SubmitFormAsync($"/poc/commitments/{id}/edit", new Dictionary<string, string> { ["Title"] = "Saved first by a colleague" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var staleForm = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        using var second = await client.SubmitAsync(staleForm, new Dictionary<string, string> { ["Title"] = "Saved second from a stale page" }, $"/poc/commitments/{id}/edit");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.MainTextAsync()).ShouldContain("Someone else changed this commitment after you opened it");
        (await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Title).SingleAsync())).ShouldBe("Saved first by a colleague");
    }

    [Fact]
    public async Task MoveAndRemove_ReorderThePlan()
    {
        var planId = await NorwayDraftIdAsync();
        var added = await factory.WithDbAsync(async db =>
        {
            var plan = (await db.LoadPlanAsync(planId, CancellationToken.None))!;
            plan.AddCommitment("NO0190", new CommitmentText("To be moved and removed", null, null, null, null, "Agency", null, null, null));
            await db.SaveChangesAsync();
            return plan.Commitments.Single(c => c.Identifier == "NO0190").Id;
        });
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        (await client.SubmitFormAsync($"/poc/plans/{planId}", new Dictionary<string, string>(), $"form[action='/poc/commitments/{added}/move']")).Dispose();
        var order = await OrderAsync(planId);
        order.IndexOf("NO0190").ShouldBe(order.Count - 2);
        (await client.SubmitFormAsync($"/poc/plans/{planId}", new Dictionary<string, string>(), $"form[action='/poc/commitments/{added}/delete']")).Dispose();

        (await OrderAsync(planId)).ShouldNotContain("NO0190");
        (await factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).Select(c => c.Position).ToListAsync())).Order().ShouldBe(Enumerable.Range(1, order.Count - 1));
    }

    private Task<int> NorwayDraftIdAsync() =>
        factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());

    private Task<int> CommitmentIdAsync(string identifier) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).Select(c => c.Id).SingleAsync());

    private Task<int> CountAsync(int planId) => factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.ActionPlanId == planId));

    private Task<List<string>> OrderAsync(int planId) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.ActionPlanId == planId).OrderBy(c => c.Position).Select(c => c.Identifier).ToListAsync());
}
