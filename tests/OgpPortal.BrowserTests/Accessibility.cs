using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OgpPortal.BrowserTests;

public static class Accessibility
{
    /// <summary>Fails when axe-core finds a serious or critical violation on the page as it is now.</summary>
    public static async Task CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ShouldBeEmpty();
    }
}
