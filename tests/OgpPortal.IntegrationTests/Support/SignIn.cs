using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

public static class SignIn
{
    /// <summary>A client that does not follow redirects, so tests see where the portal sends the user.</summary>
    public static HttpClient CreateBrowserlikeClient(this PortalAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string loginUrl = "/account/login") =>
        client.SubmitFormAsync(loginUrl, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>
    /// A client signed in through the real forms: the password, then — for accounts with two-factor
    /// sign-in — the authenticator code; a Support Unit account without it first sets its app up, as
    /// the portal requires at the first sign-in.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalAppFactory factory, string email, string password = PortalAppFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateBrowserlikeClient();
        using var response = await client.PostLoginAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        var next = response.Headers.Location!.OriginalString;
        if (next.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            using var second = await client.SubmitFormAsync(next, new Dictionary<string, string> { ["Code"] = await factory.AuthenticatorCodeAsync(email) });
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the second factor of {email}");
            next = second.Headers.Location!.OriginalString;
        }

        using var landing = await client.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
        if (landing.Headers.Location?.OriginalString == TwoFactorSetupPath)
        {
            await client.SetUpAuthenticatorAsync();
        }

        return client;
    }

    public const string TwoFactorSetupPath = "/account/two-factor/setup";

    /// <summary>
    /// Posts to an address with a valid antiforgery token for this client (taken from a form of the
    /// sign-in page), so a refusal proves authorization said no, not the token check.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string>? fields = null)
    {
        var token = await client.AntiforgeryTokenAsync();
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>A valid antiforgery token for this client, read off a form of a page (the sign-in page by default).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl = "/account/login")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync(pageUrl);
        return page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
    }

    /// <summary>Sets up two-factor sign-in as a person would: reads the key off the page and enters the app's code.</summary>
    public static async Task SetUpAuthenticatorAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync(TwoFactorSetupPath);
        var key = page.QuerySelector("#shared-key")!.TextContent;
        using var done = await client.SubmitFormAsync(TwoFactorSetupPath, new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key) });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, "setting up two-factor sign-in");
    }
}
