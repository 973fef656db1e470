using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OgpPortal.BrowserTests;

public static class Accessibility
{
    /// <summary>
    /// Fails when axe-core finds a serious or critical violation on the page as it is now. A page whose own
    /// script navigates while axe runs (the import's progress page reloads itself when the import ends) is
    /// checked again once the new page has loaded: the check is of the page the user then sees.
    /// </summary>
    public static async Task CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await page.RunAxe();
                result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
                    .ShouldBeEmpty();
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("navigation", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }
}
