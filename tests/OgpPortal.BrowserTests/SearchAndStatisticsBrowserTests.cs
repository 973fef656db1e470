using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OgpPortal.BrowserTests;

/// <summary>A visitor finds a Danish commitment by a word of its text, narrows by region, reads it and switches to Spanish; the statistics draw their charts.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchAndStatisticsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_SearchesADanishWord_FiltersByRegion_AndOpensTheCommitment()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Commitments", Exact = true }).ClickAsync();
        await Accessibility.CheckAsync(page);

        await page.GetByLabel("Words in the title or text").FillAsync("børn");
        await page.Locator("#commitment-search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("1 commitment found");
        var europe = page.GetByRole(AriaRole.Group, new() { Name = "Region", Exact = true }).GetByLabel("Europe (1)");
        await Assertions.Expect(europe).Not.ToBeCheckedAsync();

        // Ticking a box searches again at once (no button), and the box keeps the keyboard's focus on the new page.
        await europe.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("region=Europe"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=b%C3%B8rn"));
        await Assertions.Expect(page.Locator("#facet-region-Europe")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#facet-region-Europe")).ToBeFocusedAsync();
        var result = page.Locator("#results li").First;
        await Assertions.Expect(result).ToContainTextAsync("DK0050");
        await Assertions.Expect(result.Locator(".snippet mark").First).ToHaveTextAsync(new Regex("^[Bb]ørn$"));
        await Accessibility.CheckAsync(page);

        await result.GetByRole(AriaRole.Link, new() { Name = "Involving children and young people in municipal decisions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Involving children and young people in municipal decisions");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Børn og unge skal høres");

        // The same commitment in Spanish: the interface changes, the member's own text is shown as entered.
        var commitmentUrl = page.Url;
        await page.GetByLabel("Language").SelectOptionAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'es'");
        page.Url.ShouldBe(commitmentUrl);
        await Assertions.Expect(page.Locator("#milestones-heading")).ToHaveTextAsync("Hitos");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Principal" }).GetByRole(AriaRole.Link, new() { Name = "Compromisos", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Børn og unge skal høres");
        await Accessibility.CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Visitor_SearchesFromTheHeader_AndFindsAMemberByItsSpanishName_AboveTheCommitments()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/members");

        var box = page.GetByRole(AriaRole.Search, new() { Name = "Search the portal" }).GetByLabel("Search the portal");
        await box.FillAsync("noruega");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/commitments\?q=noruega$"));
        var found = page.Locator("#also-found");
        await Assertions.Expect(found.GetByRole(AriaRole.Heading, new() { Name = "Also found" })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page);
        await found.GetByRole(AriaRole.Link, new() { Name = "Norway", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/members/NO$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Statistics_DrawEveryChartFromItsTable_AndPassTheAccessibilityCheck()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Statistics" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commitments by region" })).ToBeVisibleAsync();

        // The charts are drawn by a script at the end of the page, after the headings show: wait for it.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync("() => window.Chart && Array.from(document.querySelectorAll('canvas[data-chart-table]')).every(c => Chart.getChart(c))");
        var drawn = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('canvas[data-chart-table]')).filter(c => Chart.getChart(c)).length");
        var canvases = await page.Locator("canvas[data-chart-table]").CountAsync();
        canvases.ShouldBeGreaterThan(0);
        drawn.ShouldBe(canvases);
        var regions = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector(\"canvas[data-chart-table='table-regions']\")).data.labels");
        regions.ShouldBe(["Africa and the Middle East", "Americas", "Asia and the Pacific", "Europe"]);
        await Accessibility.CheckAsync(page);

        // Narrowed to one region: ticking its box draws the charts again for that region only.
        await page.Locator("#statistics-filters > details > summary").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Region", Exact = true }).GetByLabel(new Regex("^Europe")).CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/statistics\?region=Europe$"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector(\"canvas[data-chart-table='table-regions']\"))");
        var counts = await page.EvaluateAsync<int[]>("() => Chart.getChart(document.querySelector(\"canvas[data-chart-table='table-regions']\")).data.datasets[0].data");
        counts.Count(n => n > 0).ShouldBe(1, "only Europe's commitments are counted");
        await Accessibility.CheckAsync(page);
    }
}
