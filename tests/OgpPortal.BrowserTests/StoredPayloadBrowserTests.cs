using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace OgpPortal.BrowserTests;

/// <summary>Its own portal: the test rewrites Norway's draft commitment and consultation.</summary>
[CollectionDefinition(Name)]
public sealed class StoredPayloadBrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Stored payloads in Chromium";
}

/// <summary>
/// Script stored through the real forms (a commitment's title and text, the consultation's Markdown themes, a
/// visitor's comment and name) stays text on every page that shows it: no script runs, no dialog opens, and the
/// page holds no element carrying an event handler or a <c>javascript:</c> link, whatever the Content Security
/// Policy would have blocked anyway.
/// </summary>
[Collection(StoredPayloadBrowserGroup.Name)]
public sealed class StoredPayloadBrowserTests(BrowserFixture fixture)
{
    private const string Title = "Procurement <script>window.__xss=1;alert('title')</script><img src=x onerror=\"window.__xss=1\">";
    private const string Description = "\"><svg onload=alert(1)> Publish contracts <script>window.__xss=1</script>";
    private const string Themes = """
        Which contracts should be **published** first?

        <script>window.__xss=1;alert('themes')</script>
        <img src=x onerror="window.__xss=1;alert('img')">
        [a javascript link](javascript:window.__xss=1)
        <a href="javascript:alert('raw')">a raw link</a>
        <svg onload="window.__xss=1"></svg>
        """;

    [Fact]
    public async Task ScriptStoredThroughTheForms_ShowsAsText_AndNeverRuns_OnPublicAndStaffPages()
    {
        var comment = $"I agree <script>window.__xss=1;alert('comment')</script><img src=x onerror=alert(1)> ref {Guid.NewGuid().ToString("N")[..8]}";
        const string name = "<b onmouseover=alert(1)>Siri</b>";

        // The point of contact stores script in a draft commitment and in the consultation's themes.
        var dialogs = new List<string>();
        var poc = await fixture.NewPageAsync();
        Watch(poc, dialogs);
        await poc.GotoAsync("/account/login");
        await fixture.SignInAsync(poc, DemoAccounts.PocNorway);
        await poc.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway's fifth action plan") }).ClickAsync();
        var planUrl = poc.Url;
        await poc.GetByRole(AriaRole.Link, new() { Name = "Edit NO0090" }).ClickAsync();
        await poc.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await poc.GetByLabel("What the commitment is").FillAsync(Description);
        await poc.GetByRole(AriaRole.Button, new() { Name = "Save the commitment" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await poc.GotoAsync(planUrl);
        await poc.GetByRole(AriaRole.Link, new() { Name = "Run the consultation: moderate and answer comments" }).ClickAsync();
        var manageUrl = poc.Url;
        await poc.GetByLabel("What is put to consultation").FillAsync(Themes);
        await poc.GetByRole(AriaRole.Button, new() { Name = "Save the consultation" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // A visitor comments with script in the text and the name; the point of contact publishes it.
        var visitor = await fixture.NewPageAsync();
        Watch(visitor, dialogs);
        await visitor.GotoAsync("/consultations");
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway, action plan 5") }).First.ClickAsync();
        var consultationUrl = visitor.Url;
        await visitor.GetByLabel("Your comment", new() { Exact = true }).FillAsync(comment);
        await visitor.GetByLabel("Your name (optional)").FillAsync(name);
        await visitor.GetByLabel("Show my name and organisation with my comment").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("once it has been moderated");
        await poc.GotoAsync(manageUrl);
        await poc.Locator("article").Filter(new() { HasText = comment }).GetByRole(AriaRole.Button, new() { Name = "Publish this comment" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("The comment is published");

        // Every page showing the stored text shows it as text, and nothing in it runs.
        await ShowsInertAsync(visitor, consultationUrl, Title, Description, comment, name, "Which contracts should be published first?");
        await ShowsInertAsync(poc, manageUrl, comment, name);
        await ShowsInertAsync(poc, planUrl, Title);
        await Expect(visitor.Locator(".rich-text strong", new() { HasText = "published" })).ToBeVisibleAsync();
        dialogs.ShouldBeEmpty();

        await visitor.Context.CloseAsync();
        await poc.Context.CloseAsync();
    }

    /// <summary>Dialogs the page opens (alert, confirm, prompt), dismissed and recorded.</summary>
    private static void Watch(IPage page, List<string> opened) =>
        page.Dialog += (_, dialog) =>
        {
            opened.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };

    private static async Task ShowsInertAsync(IPage page, string url, params string[] texts)
    {
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var text in texts)
        {
            // Shown as text in the page, not only in a select's options (which hold text whatever the markup).
            await Expect(page.GetByRole(AriaRole.Main).GetByText(text).And(page.Locator(":not(option)")).First).ToBeVisibleAsync();
        }

        (await page.EvaluateAsync<string>("() => typeof window.__xss")).ShouldBe("undefined", url);
        var live = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('*')].flatMap(e => [
                ...[...e.attributes].filter(a => a.name.startsWith('on')).map(a => `${e.tagName} ${a.name}`),
                ...(e.tagName === 'A' && /^\s*javascript:/i.test(e.getAttribute('href') ?? '') ? [`A href=${e.getAttribute('href')}`] : []),
                ...(e.tagName === 'SCRIPT' && e.textContent.includes('__xss') ? ['SCRIPT with the payload'] : []),
            ])
            """);
        live.ShouldBeEmpty(url);
    }
}
