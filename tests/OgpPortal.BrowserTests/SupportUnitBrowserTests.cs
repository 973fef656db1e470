using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.BrowserTests;

/// <summary>The Support Unit runs its registry and people from the browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SupportUnitBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SupportUnit_InvitesAPointOfContact_WhoSetsAPasswordFromTheEmail_AndSeesOnlyTheirMember()
    {
        var su = await fixture.NewPageAsync();
        await su.GotoAsync("/account/login");
        await fixture.SignInAsync(su, DemoAccounts.SupportUnit);

        // From the registry to Kenya's record, then the invitation form.
        await su.GetByRole(AriaRole.Navigation, new() { Name = "Support Unit" }).GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByLabel("Name, code or country").FillAsync("Kenya");
        await su.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await su.GetByRole(AriaRole.Link, new() { Name = "Kenya", Exact = true }).ClickAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByRole(AriaRole.Link, new() { Name = "Invite a point of contact" }).ClickAsync();
        await Accessibility.CheckAsync(su);
        await su.GetByLabel("Name").FillAsync("Wanjiku Mwangi");
        await su.GetByLabel("E-mail address").FillAsync("w.mwangi@treasury.example.ke");
        await su.GetByLabel("Institution (optional)").FillAsync("The National Treasury");
        await su.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(su.GetByRole(AriaRole.Status).First).ToContainTextAsync("Wanjiku Mwangi was invited as point of contact");
        await Accessibility.CheckAsync(su);

        // The invitation arrives in the mail folder; its link sets the password.
        var mail = (await fixture.Portal.MailsToAsync("w.mwangi@treasury.example.ke")).ShouldHaveSingleItem();
        var link = new Uri(InvitationLink().Match(mail.TextBody!).Value);
        var poc = await fixture.NewPageAsync();
        await poc.GotoAsync(link.PathAndQuery);
        await Accessibility.CheckAsync(poc);
        await poc.GetByLabel("Choose a password").FillAsync("Treasury-Nairobi-2026!");
        await poc.GetByLabel("Repeat the password").FillAsync("Treasury-Nairobi-2026!");
        await poc.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Assertions.Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set");

        await fixture.SignInAsync(poc, "w.mwangi@treasury.example.ke", "Treasury-Nairobi-2026!");
        await poc.WaitForURLAsync(new Uri(fixture.BaseAddress, "/poc").ToString());
        var main = poc.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync("Kenya");
        await Assertions.Expect(main).Not.ToContainTextAsync("Norway");
        await Accessibility.CheckAsync(poc);

        await su.Context.CloseAsync();
        await poc.Context.CloseAsync();
    }

    [GeneratedRegex(@"http://localhost:5000/account/invitation\?\S+")]
    private static partial Regex InvitationLink();
}
