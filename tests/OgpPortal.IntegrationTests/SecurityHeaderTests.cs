using Microsoft.AspNetCore.Mvc.Testing;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The security headers on pages, and the flags of the sign-in cookie.</summary>
public sealed class SecurityHeaderTests(ProductionPortalAppFactory factory) : IClassFixture<ProductionPortalAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/commitments")]
    [InlineData("/statistics")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Pages_run_only_the_portals_own_scripts_and_cannot_be_framed(string path)
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri(path, UriKind.Relative));

        var csp = Directives(response);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Only_the_API_reference_page_may_run_its_inline_set_up_script()
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/api/reference", UriKind.Relative));

        Assert.Equal("'self' 'unsafe-inline'", Directives(response)["script-src"]);
        Assert.Equal("'none'", Directives(response)["frame-ancestors"]);
    }

    [Fact]
    public async Task Over_HTTPS_browsers_are_told_to_keep_to_HTTPS()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(ProductionPortalAppFactory.PublicUrl), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_out_of_scripts_reach_and_not_sent_by_other_sites()
    {
        await using var development = new PortalAppFactory();
        var client = development.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(DemoAccounts.PocKenya, PortalAppFactory.DemoPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ogp.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);
}
