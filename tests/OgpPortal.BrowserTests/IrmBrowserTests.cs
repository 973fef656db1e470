using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.BrowserTests;

/// <summary>The IRM's Action Plan Review, from the researcher's first assessment to the public commitment page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IrmBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Researcher_AssessesTwoCommitments_PointOfContactComments_ResearcherPublishes_VisitorSeesTheFindings()
    {
        var denmarkContact = await fixture.Portal.CreatePointOfContactAsync("DK");
        var irm = await fixture.NewPageAsync();
        await irm.GotoAsync("/account/login");
        await fixture.SignInAsync(irm, DemoAccounts.IrmResearcher);
        await Accessibility.CheckAsync(irm);

        // The researcher opens Denmark's plan and starts its Action Plan Review.
        await irm.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Denmark, action plan 4") }).ClickAsync();
        await irm.GetByRole(AriaRole.Button, new() { Name = "Start the Action Plan Review" }).ClickAsync();
        await Assertions.Expect(irm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Action Plan Review: Denmark, action plan 4");
        await Accessibility.CheckAsync(irm);

        // DK0041: verifiable, relevant to access to information, substantial potential, promising.
        await irm.GetByRole(AriaRole.Link, new() { Name = "Assess DK0041" }).ClickAsync();
        await Accessibility.CheckAsync(irm);
        await irm.GetByLabel("Is the commitment verifiable?").SelectOptionAsync("Yes");
        await irm.GetByLabel("Access to information").CheckAsync();
        await irm.GetByLabel("Potential for results").SelectOptionAsync("Substantial");
        await irm.GetByLabel("Promising commitment").CheckAsync();
        await irm.GetByLabel("Why it is promising").FillAsync("All central government spending becomes open data.");
        await irm.GetByLabel("Analysis").FillAsync("The milestones set a date for **every** ministry.");
        await Assertions.Expect(irm.GetByRole(AriaRole.Complementary, new() { Name = "The commitment as written" })).ToContainTextAsync("Milestones");
        await irm.GetByRole(AriaRole.Button, new() { Name = "Save and go to DK0042" }).ClickAsync();
        await Assertions.Expect(irm.GetByRole(AriaRole.Status)).ToContainTextAsync("DK0041 was assessed");

        // DK0042: not verifiable, so nothing else is assessed.
        await Assertions.Expect(irm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Assess DK0042");
        await irm.GetByLabel("Is the commitment verifiable?").SelectOptionAsync("No");
        await irm.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickAsync();
        await Assertions.Expect(irm.GetByRole(AriaRole.Status)).ToContainTextAsync("DK0042 was assessed");

        await irm.GetByLabel("Summary", new() { Exact = true }).FillAsync("Denmark's plan opens public spending and address data.");
        await irm.GetByRole(AriaRole.Button, new() { Name = "Save the text" }).ClickAsync();

        // The other commitments of the plan are not assessed here: the report says why.
        await Assertions.Expect(irm.GetByRole(AriaRole.Main)).ToContainTextAsync("Not assessed yet: DK0043");
        await irm.GetByLabel("Why these commitments are left out").First.FillAsync("The other commitments are reviewed together in the report's annex.");
        await irm.GetByRole(AriaRole.Button, new() { Name = "Open for comment (pre-publication)" }).ClickAsync();
        await Assertions.Expect(irm.GetByRole(AriaRole.Status)).ToContainTextAsync("open for comment");
        var reportUrl = irm.Url;

        // Denmark's point of contact finds the report on their dashboard and comments.
        var poc = await fixture.NewPageAsync();
        await poc.GotoAsync("/account/login");
        await fixture.SignInAsync(poc, denmarkContact.Email!);
        await poc.GetByRole(AriaRole.Link, new() { Name = "DK action plan 4" }).ClickAsync();
        await Accessibility.CheckAsync(poc);
        await poc.GetByLabel("Your comment").FillAsync("DK0042's milestones were detailed in the 2018 revision.");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Assertions.Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("Your comment was sent");

        // The researcher answers and publishes.
        await irm.GotoAsync(reportUrl);
        await Assertions.Expect(irm.GetByRole(AriaRole.Main)).ToContainTextAsync("DK0042's milestones were detailed");
        await irm.GetByLabel(new Regex("Your answer to")).FillAsync("Checked: still no verifiable targets.");
        await irm.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Answer ") }).ClickAsync();
        await irm.GetByRole(AriaRole.Button, new() { Name = "Publish the report" }).ClickAsync();
        await Assertions.Expect(irm.GetByRole(AriaRole.Status)).ToContainTextAsync("The report is published");

        // An anonymous visitor sees the findings on the commitment page.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/commitments/DK0041");
        var findings = visitor.GetByRole(AriaRole.Complementary, new() { Name = "About this commitment" });
        await Assertions.Expect(findings).ToContainTextAsync("Action Plan Review");
        await Assertions.Expect(findings).ToContainTextAsync("Potential for results: Substantial");
        await Assertions.Expect(findings).ToContainTextAsync("Promising");
        await Assertions.Expect(findings.Locator(".rich-text strong")).ToHaveTextAsync("every");
        await Accessibility.CheckAsync(visitor);
        await visitor.GotoAsync("/reports");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Denmark, action plan 4");
        await Accessibility.CheckAsync(visitor);

        await irm.Context.CloseAsync();
        await poc.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }
}
