using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.Tests.Shared;

namespace OgpPortal.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SupportUnitUser_SignsInThroughTheLoginPage_AndLandsInTheSupportUnitArea()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await fixture.SignInAsync(page, DemoAccounts.SupportUnit);

        await page.WaitForURLAsync(new Uri(fixture.BaseAddress, "/support-unit").ToString());
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldBe("Support Unit");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Support Unit" }).GetAttributeAsync("aria-current")).ShouldBe("page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_ByKeyboardAlone_WithAWrongPassword_ShowsTheMessage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("E-mail address").FocusAsync();
        await page.Keyboard.TypeAsync(DemoAccounts.PocKenya);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("not the password");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.Trim().ShouldStartWith("The e-mail address or password is not right.");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/no-such-page")]
    [InlineData("/members")]
    [InlineData("/members/DK")]
    [InlineData("/commitments/DK0041")]
    [InlineData("/action-plans/1")]
    public async Task PublicPages_HaveNoSeriousAccessibilityViolations(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        SeriousViolations(result).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SupportUnitLanding_HasNoSeriousAccessibilityViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fsupport-unit");
        await fixture.SignInAsync(page, DemoAccounts.SupportUnit);
        await page.WaitForURLAsync(new Uri(fixture.BaseAddress, "/support-unit").ToString());

        var result = await page.RunAxe();

        SeriousViolations(result).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    private static List<string> SeriousViolations(AxeResult result) =>
        result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ToList();
}
