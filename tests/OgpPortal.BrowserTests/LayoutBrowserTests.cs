using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OgpPortal.BrowserTests;

/// <summary>
/// The public pages hold their layout on a phone (390 px) and a laptop (1,280 px): walking every kind of public
/// page of the demo by its links, none scrolls sideways at either width. Wide tables scroll inside their own box,
/// which is allowed; the page itself must not.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class LayoutBrowserTests(BrowserFixture fixture)
{
    private static readonly int[] Widths = [390, 1280];

    private static readonly string[] Starts = ["/", "/members", "/consultations", "/challenge", "/reports", "/commitments", "/statistics", "/data", "/account/login"];

    [Fact]
    public async Task NoPublicPage_ScrollsSideways_OnAPhoneOrALaptop()
    {
        var page = await fixture.NewPageAsync();
        var queue = new Queue<string>(Starts);
        var seenShapes = new HashSet<string>(Starts.Select(Shape), StringComparer.Ordinal);
        var overflowing = new List<string>();
        var measured = 0;
        while (queue.Count > 0 && measured < 80)
        {
            var path = queue.Dequeue();
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(path);
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? string.Empty).StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            measured++;
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                var excess = await ExcessAsync(page);
                if (excess > 0)
                {
                    // Charts redraw for the new width a moment after it changes: measure the settled page.
                    await page.WaitForTimeoutAsync(500);
                    excess = await ExcessAsync(page);
                }

                if (excess > 0)
                {
                    var widest = await page.EvaluateAsync<string>(WidestElement, width);
                    overflowing.Add($"{path} at {width} px: {excess} px too wide ({widest})");
                }
            }

            var links = await page.EvalOnSelectorAllAsync<string[]>("main a[href], footer a[href]", "links => links.filter(a => !a.hasAttribute('download')).map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(IsPublicPage))
            {
                if (seenShapes.Add(Shape(link)))
                {
                    queue.Enqueue(link);
                }
            }
        }

        measured.ShouldBeGreaterThan(25);
        overflowing.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_TheSearchShowsResultsBeforeItsFoldedFilters_AndOnALaptopTheFiltersStandBeside()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        // The home page has a search box of its own.
        await page.GotoAsync("/");
        await page.GetByLabel("Search the commitments").FillAsync("budget");
        await page.GetByLabel("Search the commitments").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/commitments\?q=budget$"));

        var count = await page.Locator("#result-count").BoundingBoxAsync();
        var filters = await page.Locator("details.search-filters").BoundingBoxAsync();
        count!.Y.ShouldBeLessThan(filters!.Y, "the results come first on a phone");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Region", Exact = true })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the search or its filters" }).ClickAsync();
        await page.Locator("details.search-filters > summary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Region", Exact = true })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page);

        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Region", Exact = true })).ToBeVisibleAsync();
        (await page.Locator("#commitment-search").BoundingBoxAsync())!.X.ShouldBeLessThan((await page.Locator("#result-count").BoundingBoxAsync())!.X);
        await page.Context.CloseAsync();
    }

    private static async Task<int> ExcessAsync(IPage page)
    {
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        return await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /// <summary>Names the element that sticks out furthest, for the message.</summary>
    private const string WidestElement = """
        width => {
            let worst = null, right = width;
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect().right;
                if (r > right && !el.closest('.table-responsive, pre')) { right = r; worst = el; }
            }
            return worst ? `${worst.tagName.toLowerCase()}${worst.id ? '#' + worst.id : ''}.${[...worst.classList].join('.')} "${(worst.textContent || '').trim().slice(0, 40)}"` : 'no single element';
        }
        """;

    private static bool IsPublicPage(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !Regex.IsMatch(href, @"^/(api|data/|feeds|lib|css|js|account/logout|support-unit|poc|irm)")
        && !Path.HasExtension(href.Split('?', '#')[0]);

    /// <summary>The path with numbers and identifiers replaced, and any query kept only by its keys: one page of each kind.</summary>
    private static string Shape(string href)
    {
        var parts = href.Split('#')[0].Split('?', 2);
        var path = Identifier().Replace(Number().Replace(parts[0], "/{n}"), "/{id}");
        var keys = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return $"{path}?{keys}";
    }

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex Number();

    [GeneratedRegex("/[A-Z]{2,4}[0-9]{4}(?=/|$)")]
    private static partial Regex Identifier();
}
