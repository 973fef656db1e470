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

    /// <summary>The portal the browser talks to, for reading what it stored (e-mails, records).</summary>
    public PortalAppFactory Portal => _factory;

    /// <summary>
    /// Signs in on the login page the page is showing, as a person would: e-mail and password by their
    /// labels, then the second factor for staff — set up from the key on the page at the first sign-in, or
    /// the authenticator's code after that. Ends on the role's landing page, or where the login was sent.
    /// </summary>
    public async Task SignInAsync(IPage page, string email, string password = PortalAppFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The first sign-in after the portal starts (password hashing, data-protection keys, the first
        // queries on PostgreSQL) took over 30 s once on a loaded CI machine; it is given a minute.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        if (page.Url.Contains("/account/two-factor/setup", StringComparison.Ordinal))
        {
            var key = await page.Locator("#shared-key").TextContentAsync();
            await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in is on" }).WaitForAsync();
            await page.GotoAsync("/support-unit");
        }
        else if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code from your authenticator app").FillAsync(await _factory.AuthenticatorCodeAsync(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
        }
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
