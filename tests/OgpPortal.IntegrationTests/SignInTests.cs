using System.Net;
using AngleSharp.Dom;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed class SignInTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData(DemoAccounts.IrmResearcher, "/irm", "My assigned action plans")]
    [InlineData(DemoAccounts.PocNorway, "/poc", "My members")]
    [InlineData(DemoAccounts.PocKenya, "/poc", "My members")]
    public async Task Login_WithDemoAccount_LandsInThatRolesArea(string email, string landing, string heading)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(email, PortalAppFactory.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(landing);
        var page = await client.GetDocumentAsync(landing);
        page.QuerySelector("main")!.TextContent.ShouldContain(heading);
        page.QuerySelector("header")!.TextContent.ShouldContain($"Signed in as {email}");
    }

    [Fact]
    public async Task SignInCookies_AreProtectedWithKeysKeptInTheDatabase_SoEveryInstanceCanReadThem()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        (await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Login_WithEmptyFields_ShowsAMessageForEachField()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(string.Empty, string.Empty);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("#Email-error")!.TextContent.ShouldBe("Enter your e-mail address.");
        page.QuerySelector("#Password-error")!.TextContent.ShouldBe("Enter your password.");
        page.QuerySelector("#Email")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Email")!.GetAttribute("aria-describedby").ShouldBe("Email-error");
    }

    [Fact]
    public async Task Login_WithMalformedEmail_AsksForARealAddress()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync("not-an-address", "whatever");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("Enter an e-mail address like name@example.org.");
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsMessageAndStaysSignedOut()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(DemoAccounts.SupportUnit, "Wrong-password-1!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("The e-mail address or password is not right.");
        using var area = await client.GetAsync(new Uri("/support-unit", UriKind.Relative));
        area.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_WithUnknownEmail_ShowsTheSameMessageAsAWrongPassword()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync("nobody@ogp.test", "Some-password-1!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("The e-mail address or password is not right.");
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.SupportUnit,
            ["Password"] = PortalAppFactory.DemoPassword,
        });

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        cookies.ShouldNotContain(c => c.StartsWith("ogp.auth=", StringComparison.Ordinal), "no sign-in cookie may be issued");
    }

    [Fact]
    public async Task Login_WithLocalReturnUrl_GoesBackThere()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(DemoAccounts.PocNorway, PortalAppFactory.DemoPassword, "/account/login?returnUrl=%2Fpoc%3Ftab%3Dreview");

        response.Headers.Location!.OriginalString.ShouldBe("/poc?tab=review");
    }

    [Fact]
    public async Task Login_WithExternalReturnUrl_IgnoresIt()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(DemoAccounts.PocNorway, PortalAppFactory.DemoPassword, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        response.Headers.Location!.OriginalString.ShouldBe("/poc");
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var client = factory.CreateBrowserlikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostLoginAsync(user.Email!, "Wrong-password-1!");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var response = await client.PostLoginAsync(user.Email!, PortalAppFactory.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("The e-mail address or password is not right.");
        using var area = await client.GetAsync(new Uri("/support-unit", UriKind.Relative));
        area.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a locked account stays signed out");
    }

    [Fact]
    public async Task Login_LockedAndUnknownAccounts_GetTheSameAnswer_SoAddressesCannotBeProbed()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        var unknown = $"nobody-{Guid.NewGuid():N}@ogp.test";
        using var client = factory.CreateBrowserlikeClient();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            (await (await client.PostLoginAsync(user.Email!, "Wrong-password-1!")).MainTextAsync()).ShouldNotBeNull();
            (await (await client.PostLoginAsync(unknown, "Wrong-password-1!")).MainTextAsync()).ShouldNotBeNull();
        }

        var locked = await (await client.PostLoginAsync(user.Email!, "Wrong-password-1!")).MainTextAsync();
        var missing = await (await client.PostLoginAsync(unknown, "Wrong-password-1!")).MainTextAsync();

        locked.Replace(user.Email!, "EMAIL", StringComparison.Ordinal).ShouldBe(missing.Replace(unknown, "EMAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var page = await client.GetDocumentAsync("/support-unit");
        var logoutForm = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("header form")!;

        using var response = await client.SubmitAsync(logoutForm, new Dictionary<string, string>(), "/support-unit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var area = await client.GetAsync(new Uri("/support-unit", UriKind.Relative));
        area.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        area.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }
}
