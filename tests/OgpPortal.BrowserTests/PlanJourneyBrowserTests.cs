using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.Tests.Shared;

namespace OgpPortal.BrowserTests;

/// <summary>
/// The action-plan journey in Chromium, from the demo data: Norway's point of contact adds a commitment and
/// submits; the Support Unit returns one, the point of contact revises and resubmits, the Support Unit
/// accepts all and publishes; the public reads the plan. Every page visited is checked with axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PlanJourneyBrowserTests(BrowserFixture fixture)
{
    private const string NewCommitment = "Open register of lobbyists";
    private const string NewMilestone = "Open the register to the public";

    [Fact]
    public async Task PlanJourney_FromDraftToPublished_WorksInTheBrowser()
    {
        var poc = await SignedInPageAsync(DemoAccounts.PocNorway);
        await poc.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway's fifth action plan") }).ClickAsync();
        await Accessibility.CheckAsync(poc);
        var planUrl = poc.Url;

        // Add a commitment with a milestone on OGP's template.
        await poc.GetByRole(AriaRole.Link, new() { Name = "Add a commitment" }).ClickAsync();
        await Accessibility.CheckAsync(poc);
        await poc.GetByLabel("Title", new() { Exact = true }).FillAsync(NewCommitment);
        await poc.GetByLabel("Lead institution").FillAsync("Ministry of Local Government and Regional Development");
        await poc.GetByLabel("The problem it addresses").FillAsync("Contacts between lobbyists and ministries are not recorded.");
        await poc.GetByLabel("Public accountability").CheckAsync();
        await poc.GetByRole(AriaRole.Group, new() { Name = "Milestone 1" }).GetByLabel("Milestone").FillAsync(NewMilestone);
        await poc.GetByRole(AriaRole.Group, new() { Name = "Milestone 1" }).GetByLabel("Due date").FillAsync("2028-03-31");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Add the commitment" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("was added");
        await Accessibility.CheckAsync(poc);

        // Submitting is refused while NO0093 has no milestone; give it one, then submit.
        await poc.GetByRole(AriaRole.Button, new() { Name = "Submit the plan for review" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Alert)).ToContainTextAsync("NO0093");
        await poc.GetByRole(AriaRole.Link, new() { Name = "Edit NO0093" }).ClickAsync();
        await poc.GetByRole(AriaRole.Group, new() { Name = "Milestone 1" }).GetByLabel("Milestone").FillAsync("Publish the first climate data sets");
        await poc.GetByRole(AriaRole.Group, new() { Name = "Milestone 1" }).GetByLabel("Due date").FillAsync("2027-12-31");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Save the commitment" }).ClickAsync();
        await poc.GetByRole(AriaRole.Button, new() { Name = "Submit the plan for review" }).ClickAsync();

        // The public consultation is still open: submitting closes it today, and the page asks first.
        await Expect(poc.Locator("#confirm-submit")).ToContainTextAsync("Submitting the plan closes it today");
        await Accessibility.CheckAsync(poc);
        await poc.GetByRole(AriaRole.Button, new() { Name = "Submit and close the consultation today" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("submitted to the Support Unit");

        // The Support Unit returns one commitment with a reason.
        var su = await SignedInPageAsync(DemoAccounts.SupportUnit);
        await su.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway's fifth action plan") }).ClickAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByLabel("Reason for returning NO0090").FillAsync("Name the data sets that will be published.");
        await su.GetByRole(AriaRole.Button, new() { Name = "Return NO0090" }).ClickAsync();
        await Expect(su.GetByRole(AriaRole.Status)).ToContainTextAsync("NO0090 was returned");

        // The point of contact sees the reason, revises and resubmits.
        await poc.GotoAsync(planUrl);
        await Expect(poc.GetByText("Name the data sets that will be published.")).ToBeVisibleAsync();
        await poc.GetByRole(AriaRole.Link, new() { Name = "Edit NO0090" }).ClickAsync();
        await poc.GetByLabel("What the commitment is").FillAsync("Publish contracts, award decisions and the procurement data sets named in the annex.");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Save the commitment" }).ClickAsync();
        await poc.GetByRole(AriaRole.Button, new() { Name = "Resubmit NO0090" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("resubmitted");

        // The Support Unit accepts every commitment and publishes.
        await su.ReloadAsync();
        await Expect(su.Locator("li[data-standard=Consultation]")).ToContainTextAsync("Held on this portal");
        await su.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept all \\d+ remaining commitments$") }).ClickAsync();
        await Expect(su.GetByRole(AriaRole.Status)).ToContainTextAsync("remaining commitments were accepted");
        await Expect(su.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept ") })).ToHaveCountAsync(0);

        await Accessibility.CheckAsync(su);
        await su.GetByRole(AriaRole.Button, new() { Name = "Publish the plan" }).ClickAsync();
        await Expect(su.GetByRole(AriaRole.Heading, new() { Name = "Publish the plan?" })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByRole(AriaRole.Button, new() { Name = "Publish and freeze the text" }).ClickAsync();
        await Expect(su.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        // The public reads the published plan with the new commitment and its milestone.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/members/NO");
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway's fifth action plan") }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Norway's fifth action plan");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(NewCommitment) })).ToBeVisibleAsync();
        // A long plan: a table of contents leads to each commitment, folded until opened.
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "In this plan" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(NewCommitment) }).ClickAsync();
        var newCommitment = visitor.Locator("article.plan-commitment", new() { Has = visitor.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(NewCommitment) }) });
        await Expect(newCommitment.GetByRole(AriaRole.Cell, new() { Name = NewMilestone })).ToBeHiddenAsync();
        await newCommitment.Locator("summary").ClickAsync();
        await Expect(newCommitment.GetByRole(AriaRole.Cell, new() { Name = NewMilestone })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(visitor);

        // On paper the whole plan is there, every commitment unfolded, without the site's navigation.
        await visitor.ReloadAsync();
        await visitor.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(newCommitment.GetByRole(AriaRole.Cell, new() { Name = NewMilestone })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await visitor.EmulateMediaAsync(new() { Media = Media.Screen });

        await visitor.Context.CloseAsync();
        await poc.Context.CloseAsync();
        await su.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await fixture.SignInAsync(page, email);
        await Accessibility.CheckAsync(page);
        return page;
    }
}
