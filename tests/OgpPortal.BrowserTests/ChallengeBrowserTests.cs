using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.BrowserTests;

/// <summary>An Open Gov Challenge entry from a point of contact's draft to the top of the public database.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ChallengeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Kenya_SubmitsACivicSpaceEntry_SupportUnitAcceptsAndFlagsIt_VisitorFindsItFirst()
    {
        var poc = await fixture.NewPageAsync();
        await poc.GotoAsync("/account/login");
        await fixture.SignInAsync(poc, DemoAccounts.PocKenya);
        await poc.GetByRole(AriaRole.Link, new() { Name = "Add an Open Gov Challenge entry for Kenya" }).ClickAsync();
        await Accessibility.CheckAsync(poc);
        await poc.GetByLabel("Title of the reform").FillAsync("Public register of civil-society organisations");
        await poc.GetByLabel("Challenge area").SelectOptionAsync("Civic Space");
        await poc.GetByLabel("Lead public institution").FillAsync("NGO Coordination Board");
        await poc.GetByLabel("How it takes part").SelectOptionAsync("Action-plan commitment");
        await poc.GetByLabel(new Regex("^Action-plan commitment \\(identifier")).FillAsync("KE0034");
        await poc.GetByLabel("Level of government").SelectOptionAsync("National");
        await poc.GetByLabel("Civic participation").CheckAsync();
        var milestone = poc.GetByRole(AriaRole.Group, new() { Name = "Milestone 1" });
        await milestone.GetByLabel("Milestone").FillAsync("Register published online");
        await milestone.GetByLabel("Due date").FillAsync(DateTime.UtcNow.AddMonths(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await poc.GetByRole(AriaRole.Button, new() { Name = "Save the entry" }).ClickAsync();
        await Assertions.Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("saved as a draft");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Submit to the Support Unit" }).ClickAsync();
        await Assertions.Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("submitted to the Support Unit");
        var entryUrl = poc.Url;

        var su = await fixture.NewPageAsync();
        await su.GotoAsync("/account/login");
        await fixture.SignInAsync(su, DemoAccounts.SupportUnit);
        await su.GetByRole(AriaRole.Navigation, new() { Name = "Support Unit" }).GetByRole(AriaRole.Link, new() { Name = "Challenge" }).ClickAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByRole(AriaRole.Link, new() { Name = "Public register of civil-society organisations" }).ClickAsync();
        await su.GetByRole(AriaRole.Button, new() { Name = "Accept the entry" }).ClickAsync();
        await Assertions.Expect(su.GetByRole(AriaRole.Status)).ToContainTextAsync("accepted");
        await su.GetByLabel("Why the action is promising (shown publicly)").FillAsync("The first open register of its kind in East Africa.");
        await su.GetByRole(AriaRole.Button, new() { Name = "Flag as promising" }).ClickAsync();
        await Assertions.Expect(su.GetByRole(AriaRole.Status)).ToContainTextAsync("flagged as promising");
        await Accessibility.CheckAsync(su);

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/challenge");
        await visitor.GetByLabel("Challenge area").SelectOptionAsync("Civic Space");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var first = visitor.Locator("#entries li").First;
        await Assertions.Expect(first).ToContainTextAsync("Public register of civil-society organisations");
        await Assertions.Expect(first).ToContainTextAsync("Promising");
        await Accessibility.CheckAsync(visitor);
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("The first open register of its kind in East Africa.");
        await visitor.GotoAsync("/challenge/progress");
        await Accessibility.CheckAsync(visitor);

        entryUrl.ShouldContain("/poc/challenge/");
        await poc.Context.CloseAsync();
        await su.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }
}
