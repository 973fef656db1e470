using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed partial class PasswordResetTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string NewPassword = "Brand-new-Passw0rd!";

    [Fact]
    public async Task ResettingThePassword_EndsTheAccountsOtherSessionsAtTheirNextRequest()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var elsewhere = await factory.SignedInClientAsync(user.Email!);
        using var before = await elsewhere.GetAsync(new Uri("/poc", UriKind.Relative));
        before.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var client = factory.CreateBrowserlikeClient();
        using var requested = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
        var link = new Uri(ResetLink().Match((await ReadSingleMailToAsync(user.Email!)).TextBody!).Value);
        using var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var after = await elsewhere.GetAsync(new Uri("/poc", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task ForgotPassword_SendsAnEmailWhoseLinkSetsANewPassword()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();

        using var requested = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        requested.Headers.Location!.OriginalString.ShouldBe("/account/forgot-password/sent");

        var mail = await ReadSingleMailToAsync(user.Email!);
        mail.Subject.ShouldBe("Reset your OGP Portal password");
        var link = new Uri(ResetLink().Match(mail.TextBody!).Value);
        using var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.ShouldBe("/account/reset-password/done");
        (await factory.CheckPasswordAsync(user.Email!, NewPassword)).ShouldBeTrue();
        (await factory.CheckPasswordAsync(user.Email!, PortalAppFactory.DemoPassword)).ShouldBeFalse();

        using var reused = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Password"] = "Another-Passw0rd!",
            ["ConfirmPassword"] = "Another-Passw0rd!",
        });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.MainTextAsync()).ShouldContain("This reset link is not valid, has expired or has already been used.");
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_AnswersTheSameAndSendsNothing()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = $"unknown-{Guid.NewGuid():N}@ogp.test";

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });

        response.Headers.Location!.OriginalString.ShouldBe("/account/forgot-password/sent");
        (await factory.MailsToAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ForgotPassword_WithEmptyAddress_ShowsAMessage()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("Enter your e-mail address.");
    }

    [Fact]
    public async Task ResetPassword_WithAForgedCode_ShowsAMessageAndKeepsThePassword()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.SubmitFormAsync($"/account/reset-password?code=not*valid*base64!&email={Uri.EscapeDataString(user.Email!)}", new Dictionary<string, string>
        {
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("This reset link is not valid, has expired or has already been used.");
        (await factory.CheckPasswordAsync(user.Email!, PortalAppFactory.DemoPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task ResetPassword_WithMismatchedPasswords_ShowsAMessage()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var mismatch = await client.SubmitFormAsync("/account/reset-password?code=abc&email=x%40ogp.test", new Dictionary<string, string>
        {
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = "something else",
        });

        mismatch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mismatch.MainTextAsync()).ShouldContain("The two passwords do not match.");
    }

    [Fact]
    public async Task ResetPassword_WithAWeakPassword_SaysWhyAndKeepsTheOldOne()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();
        using var requested = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
        var link = new Uri(ResetLink().Match((await ReadSingleMailToAsync(user.Email!)).TextBody!).Value);

        using var response = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Password"] = "weak",
            ["ConfirmPassword"] = "weak",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#Password-error")!.TextContent.ShouldContain("at least 12 characters");
        (await factory.CheckPasswordAsync(user.Email!, PortalAppFactory.DemoPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task ForgotPassword_WithAForgedHostHeader_StillLinksToTheConfiguredAddress()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        using var requested = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });

        var body = (await ReadSingleMailToAsync(user.Email!)).TextBody!;
        body.ShouldNotContain("evil.example");
        ResetLink().IsMatch(body).ShouldBeTrue();
    }

    private async Task<MimeMessage> ReadSingleMailToAsync(string email)
    {
        var mails = await factory.MailsToAsync(email);
        mails.Count.ShouldBe(1, $"one e-mail to {email}");
        return mails[0];
    }

    /// <summary>Links point at Portal:PublicUrl (http://localhost:5000 in Development).</summary>
    [GeneratedRegex(@"http://localhost:5000/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
