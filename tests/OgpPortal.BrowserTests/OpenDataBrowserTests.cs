using Microsoft.Playwright;

namespace OgpPortal.BrowserTests;

/// <summary>A visitor finds the open data page and the API reference from the footer; neither calls out to the internet.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OpenDataBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_OpensOpenDataAndTheApiReference_AndNoRequestLeavesThePortal()
    {
        var page = await fixture.NewPageAsync();
        var outside = new List<string>();
        await page.Context.RouteAsync(
            url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) && uri.Host != fixture.BaseAddress.Host,
            async route =>
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
            });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Open data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open data", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Commitments (CSV)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table[data-dataset='commitments']")).ToContainTextAsync("identifier");
        await Accessibility.CheckAsync(page);

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Action plans", Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "List action plans" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Read-only access to the portal's public records").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        outside.ShouldBeEmpty();
    }
}
