using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>A point of contact starts and edits a draft action plan.</summary>
public sealed class PlanDetailsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task NewPlan_StartsInDraftWithTheNextNumber()
    {
        var kenya = await MemberIdAsync("KE");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var form = await client.GetDocumentAsync($"/poc/members/{kenya}/plans/new");
        form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Number")!.Value.ShouldBe("6");

        using var response = await client.SubmitFormAsync($"/poc/members/{kenya}/plans/new", new Dictionary<string, string>
        {
            ["Title"] = "Kenya's sixth national action plan",
            ["PeriodStart"] = "2027-01-01",
            ["PeriodEnd"] = "2030-12-31",
            ["CoCreationSummary"] = "Co-created with the OGP Kenya forum.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var plan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.MemberId == kenya && p.Number == 6).Select(p => new { p.Status, p.Title, p.CreatedBy }).SingleAsync());
        plan.Status.ShouldBe(ActionPlanStatus.Draft);
        plan.Title.ShouldBe("Kenya's sixth national action plan");
        plan.CreatedBy.ShouldBe(DemoAccounts.PocKenya);
    }

    [Theory]
    [InlineData("Number", "5", "Number", "Kenya already has an action plan 5.")]
    [InlineData("PeriodEnd", "2028-06-30", "PeriodEnd", "An action plan runs for two years (20 to 24 months) or four years (44 to 48 months); this period is 18 months.")]
    [InlineData("Title", "", "Title", "Give the plan a title.")]
    public async Task NewPlan_WithBadInput_ShowsTheMessageBesideTheField(string field, string value, string errorField, string message)
    {
        var kenya = await MemberIdAsync("KE");
        var before = await factory.WithDbAsync(db => db.ActionPlans.CountAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var fields = new Dictionary<string, string> { ["Number"] = "7", ["Title"] = "A plan", ["PeriodStart"] = "2027-01-01", ["PeriodEnd"] = "2028-12-31" };
        fields[field] = value;

        using var response = await client.SubmitFormAsync($"/poc/members/{kenya}/plans/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector($"#{errorField}-error")!.TextContent.ShouldBe(message);
        (await factory.WithDbAsync(db => db.ActionPlans.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task NewPlan_ForAnotherMember_IsForbidden()
    {
        var norway = await MemberIdAsync("NO");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.GetAsync(new Uri($"/poc/members/{norway}/plans/new", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EditPlan_ChangesTheDetailsOfTheDraft()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        using var response = await client.SubmitFormAsync($"/poc/plans/{planId}/edit", new Dictionary<string, string> { ["Title"] = "Norway's fifth action plan 2027–2028" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.Title).SingleAsync())).ShouldBe("Norway's fifth action plan 2027–2028");
    }

    private Task<int> MemberIdAsync(string code) => factory.WithDbAsync(db => db.Members.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());
}
