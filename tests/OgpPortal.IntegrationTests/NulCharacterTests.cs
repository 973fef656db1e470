using System.Net;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// PostgreSQL can neither store nor compare text holding the NUL character (SQLite can): an address holding one is
/// refused with 400 before any query, on every engine, never a 500 (found reviewing issue 19).
/// </summary>
public sealed class NulCharacterTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/challenge?q=%00")]
    [InlineData("/challenge?member=NO%00")]
    [InlineData("/commitments?member=%00")]
    [InlineData("/commitments?q=b%C3%B8rn%00")]
    [InlineData("/members?page=1&x%00=1")]
    public async Task APublicAddressHoldingANul_IsRefusedWith400_NeverAServerError(string address)
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri(address, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HtmlForms.ParseAsync(response)).QuerySelector("h1").ShouldNotBeNull("the portal's error page");
    }

    [Fact]
    public async Task AnApiAddressHoldingANul_IsRefusedWith400ProblemDetails()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/api/v1/commitments?member=%00", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task TheSameAddressesWithoutTheNul_AreServed()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/challenge?q=open&member=NO", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
