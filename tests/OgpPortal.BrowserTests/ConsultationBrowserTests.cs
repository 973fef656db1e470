using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace OgpPortal.BrowserTests;

/// <summary>
/// Its own portal: the plan journey publishes Norway's fifth plan, which would close the consultation this
/// test comments on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsultationBrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Public consultation in Chromium";
}

/// <summary>A visitor comments on Norway's draft plan in consultation; the point of contact publishes and answers it; the visitor reads the answer.</summary>
[Collection(ConsultationBrowserGroup.Name)]
public sealed class ConsultationBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_CommentsOnNorwaysDraft_PocPublishesAndAnswersIt_VisitorSeesTheAnswer()
    {
        var comment = $"Publish every procurement contract as open data within 30 days (ref {Guid.NewGuid().ToString("N")[..8]}).";
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Consultations" }).ClickAsync();
        await Accessibility.CheckAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway, action plan 5") }).First.ClickAsync();
        await Accessibility.CheckAsync(visitor);
        var consultationUrl = visitor.Url;

        await visitor.GetByLabel("Your comment", new() { Exact = true }).FillAsync(comment);
        await visitor.GetByLabel("Your comment is on").SelectOptionAsync(new SelectOptionValue { Label = "NO0090: Open public procurement: publish contracts and award decisions" });
        await visitor.GetByLabel("Your name (optional)").FillAsync("Siri Åsheim");
        await visitor.GetByLabel("Show my name and organisation with my comment").CheckAsync();
        var address = $"siri-{Guid.NewGuid():N}@example.org";
        await visitor.GetByLabel("E-mail (optional, never shown)").FillAsync(address);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("once it has been moderated");
        await Expect(visitor.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(comment);

        var poc = await fixture.NewPageAsync();
        await poc.GotoAsync("/account/login");
        await fixture.SignInAsync(poc, DemoAccounts.PocNorway);
        await poc.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Norway's fifth action plan") }).ClickAsync();
        await poc.GetByRole(AriaRole.Link, new() { Name = "Run the consultation: moderate and answer comments" }).ClickAsync();
        await Accessibility.CheckAsync(poc);
        var held = poc.Locator("article").Filter(new() { HasText = comment });
        await held.GetByRole(AriaRole.Button, new() { Name = "Publish this comment" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("The comment is published");
        var published = poc.Locator("article").Filter(new() { HasText = comment });
        await published.GetByLabel("What was done with this input").SelectOptionAsync(new SelectOptionValue { Label = "Taken up" });
        await published.GetByLabel("Reasoned response").FillAsync("Agreed: the commitment now promises publication within 30 days of award.");
        await published.GetByLabel("Commitment it led to (optional)").SelectOptionAsync(new SelectOptionValue { Label = "NO0090: Open public procurement: publish contracts and award decisions" });
        await published.GetByRole(AriaRole.Button, new() { Name = "Save the response" }).ClickAsync();
        await Expect(poc.GetByRole(AriaRole.Status)).ToContainTextAsync("The reasoned response is saved");
        await Accessibility.CheckAsync(poc);

        await visitor.GotoAsync(consultationUrl);
        var shown = visitor.Locator("article").Filter(new() { HasText = comment });
        await Expect(shown).ToContainTextAsync("Siri Åsheim");
        await Expect(shown).ToContainTextAsync("Response from Norway: Taken up");
        await Expect(shown).ToContainTextAsync("Agreed: the commitment now promises publication within 30 days of award.");
        await Expect(shown).ToContainTextAsync("Led to commitment NO0090: Open public procurement");
        await Accessibility.CheckAsync(visitor);
        var answeredMail = (await fixture.Portal.MailsToAsync(address)).ShouldHaveSingleItem();
        answeredMail.Subject.ShouldBe("Norway answered your comment on its draft action plan");
        answeredMail.TextBody!.ShouldContain(new Uri(consultationUrl).AbsolutePath + "#comment-");

        await visitor.Context.CloseAsync();
        await poc.Context.CloseAsync();
    }
}
