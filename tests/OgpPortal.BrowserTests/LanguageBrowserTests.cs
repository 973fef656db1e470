using Microsoft.Playwright;

namespace OgpPortal.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class LanguageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_SwitchesToSpanishFromTheHomePage_AndTheChoiceSurvivesAReload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Language").SelectOptionAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();

        await page.WaitForFunctionAsync("document.documentElement.lang === 'es'");
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Principal" });
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Miembros", Exact = true }).CountAsync()).ShouldBe(1);
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Inicio", Exact = true }).GetAttributeAsync("aria-current")).ShouldBe("page");

        await page.ReloadAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Inicio", Exact = true }).CountAsync()).ShouldBe(1);
        (await page.GetByLabel("Idioma").InputValueAsync()).ShouldBe("es");
        await Accessibility.CheckAsync(page);

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldBe("Planes de acción de la Alianza para el Gobierno Abierto");
        await page.GotoAsync("/members");
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Miembros", Exact = true }).GetAttributeAsync("aria-current")).ShouldBe("page");
        await Accessibility.CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitcher_WorksByKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Language").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("document.documentElement.lang === 'fr'");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldBe("Plans d'action du Partenariat pour un gouvernement ouvert");
        await Accessibility.CheckAsync(page);
        await page.Context.CloseAsync();
    }
}
