using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OgpPortal.Tests.Shared;

namespace OgpPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port over its own SQLite file, and a headless Chromium to drive it.
/// Chromium is found in this order: the <c>OGP_CHROMIUM</c> environment variable, Debian's
/// <c>/usr/bin/chromium</c>, Google Chrome, then browsers installed by Playwright itself.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    public const string BrowserVariable = "OGP_CHROMIUM";

    private readonly KestrelPortalAppFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    private static string FindChromium()
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable(BrowserVariable),
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/opt/google/chrome/chrome",
        };
        var playwrightBrowsers = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (Directory.Exists(playwrightBrowsers))
        {
            candidates.AddRange(Directory.GetFiles(playwrightBrowsers, "chrome", SearchOption.AllDirectories));
        }

        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? throw new InvalidOperationException(
                $"No Chromium found for the browser tests. Install Debian's package (sudo apt-get install chromium), or set {BrowserVariable} to a Chromium or Chrome executable.");
    }

    private sealed class KestrelPortalAppFactory : PortalAppFactory
    {
        public KestrelPortalAppFactory() => UseKestrel(0);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
