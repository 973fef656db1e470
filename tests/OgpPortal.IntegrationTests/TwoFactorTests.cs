using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Support Unit staff sign in with two factors: set up at the first sign-in, asked for at every sign-in after.</summary>
public sealed class TwoFactorTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task StaffFirstSignIn_MustSetUpAnAuthenticator_ThenEverySignInAsksForItsCode()
    {
        var staff = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var client = factory.CreateBrowserlikeClient();
        using var first = await client.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        first.Headers.Location!.OriginalString.ShouldBe("/support-unit");

        using var landing = await client.GetAsync(new Uri("/support-unit/members", UriKind.Relative));
        landing.Headers.Location!.OriginalString.ShouldBe(SignIn.TwoFactorSetupPath);
        using var wrong = await client.SubmitFormAsync(SignIn.TwoFactorSetupPath, new Dictionary<string, string> { ["Form.Code"] = "000000" });
        (await HtmlForms.ParseAsync(wrong)).QuerySelector("#Form_Code-error")!.TextContent.ShouldStartWith("That code is not right.");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();

        var setup = await client.GetDocumentAsync(SignIn.TwoFactorSetupPath);
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var qr = setup.QuerySelector("img#qr-code")!;
        qr.GetAttribute("alt")!.ShouldStartWith("QR code for your authenticator app");
        var src = qr.GetAttribute("src")!;
        src.ShouldStartWith("data:image/png;base64,");
        var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "an image drawn by the portal itself");
        using var done = await client.SubmitFormAsync(SignIn.TwoFactorSetupPath, new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key) });
        var shown = await client.GetDocumentAsync(done.Headers.Location!.OriginalString);
        var codes = shown.QuerySelectorAll("[aria-label='Recovery codes'] li").Select(li => li.TextContent).ToList();
        codes.Count.ShouldBe(10);
        shown.QuerySelector("main a.btn-primary")!.GetAttribute("href").ShouldBe("/support-unit", "Continue leads to the person's own area");
        (await client.GetAsync(new Uri("/support-unit/members", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = factory.CreateBrowserlikeClient();
        using var password = await again.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        password.Headers.Location!.OriginalString.ShouldStartWith("/account/two-factor");
        (await again.GetAsync(new Uri("/support-unit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");
        using var badCode = await again.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = "12 34 56" });
        (await HtmlForms.ParseAsync(badCode)).QuerySelector("#Code-error")!.TextContent.ShouldStartWith("That code is not right.");
        using var goodCode = await again.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        goodCode.Headers.Location!.OriginalString.ShouldBe("/support-unit");
        (await again.GetAsync(new Uri("/support-unit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var recovery = factory.CreateBrowserlikeClient();
        using var step = await recovery.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        using var withRecovery = await recovery.SubmitFormAsync("/account/recovery-code", new Dictionary<string, string> { ["Code"] = codes[0] });
        withRecovery.Headers.Location!.OriginalString.ShouldBe("/support-unit");
        using var reuse = factory.CreateBrowserlikeClient();
        using var step2 = await reuse.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        using var reused = await reuse.SubmitFormAsync("/account/recovery-code", new Dictionary<string, string> { ["Code"] = codes[0] });
        (await reused.MainTextAsync()).ShouldContain("That recovery code is not right or has been used already.");
    }

    [Fact]
    public async Task StaffWithoutTwoFactor_CannotActAsStaff_EvenByPostingForms()
    {
        var staff = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var client = factory.CreateBrowserlikeClient();
        using var first = await client.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        var norway = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "NO").Select(m => m.Id).SingleAsync());
        var kenya = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "KE").Select(m => m.Id).SingleAsync());
        var plans = await factory.WithDbAsync(db => db.ActionPlans.CountAsync());

        using var archive = await client.PostWithTokenAsync($"/support-unit/members/{norway}/archive");
        using var newPlan = await client.PostWithTokenAsync($"/poc/members/{kenya}/plans/new", new Dictionary<string, string> { ["Number"] = "6", ["Title"] = "Sneaked in", ["PeriodStart"] = "2027-01-01", ["PeriodEnd"] = "2028-12-31" });
        using var editor = await client.GetAsync(new Uri($"/poc/members/{kenya}/plans/new", UriKind.Relative));

        archive.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        newPlan.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        editor.Headers.Location!.OriginalString.ShouldBe(SignIn.TwoFactorSetupPath);
        (await factory.WithDbAsync(db => db.Members.Where(m => m.Id == norway).Select(m => m.ArchivedAt).SingleAsync())).ShouldBeNull();
        (await factory.WithDbAsync(db => db.ActionPlans.CountAsync())).ShouldBe(plans);
    }

    [Fact]
    public async Task SetupPage_OnceTwoFactorIsOn_NeverShowsTheKeyAgain()
    {
        var staff = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var client = await factory.SignedInClientAsync(staff.Email!);

        using var page = await client.GetAsync(new Uri(SignIn.TwoFactorSetupPath, UriKind.Relative));
        using var post = await client.PostWithTokenAsync(SignIn.TwoFactorSetupPath, new Dictionary<string, string> { ["Form.Code"] = await factory.AuthenticatorCodeAsync(staff.Email!) });

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.OriginalString.ShouldBe("/");
        (await factory.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == staff.Id && t.Name == "RecoveryCodes"))).ShouldBe(1);
    }

    [Fact]
    public async Task ResetByAColleague_EndsTheSession_AndTheNextSignInSetsUpANewApp()
    {
        var staff = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var client = await factory.SignedInClientAsync(staff.Email!);
        using var colleague = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var reset = await colleague.SubmitFormAsync($"/support-unit/people/{staff.Id}", new Dictionary<string, string>(), "form[action$='/two-factor/reset']");

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/support-unit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login");
        using var again = factory.CreateBrowserlikeClient();
        using var password = await again.PostLoginAsync(staff.Email!, PortalAppFactory.DemoPassword);
        password.Headers.Location!.OriginalString.ShouldBe("/support-unit");
        (await again.GetAsync(new Uri("/support-unit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldBe(SignIn.TwoFactorSetupPath);
    }

    [Fact]
    public async Task PointsOfContact_AreNotAskedForASecondFactor()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostLoginAsync(DemoAccounts.PocKenya, PortalAppFactory.DemoPassword);

        response.Headers.Location!.OriginalString.ShouldBe("/poc");
        (await client.GetAsync(new Uri("/poc", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SecondStep_WithoutThePasswordStep_SendsBackToSignIn()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/account/two-factor", UriKind.Relative));

        response.Headers.Location!.OriginalString.ShouldBe("/account/login");
    }
}
