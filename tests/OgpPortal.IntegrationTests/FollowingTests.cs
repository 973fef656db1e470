using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Following;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Following a member or a plan by e-mail: double opt-in, news to confirmed followers only, one-click unsubscribe.</summary>
public sealed partial class FollowingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ConfirmedFollower_IsToldWhenAPlanOpensForConsultation_AndAnUnconfirmedOneIsNot()
    {
        var confirmed = NewAddress();
        var unconfirmed = NewAddress();
        using var visitor = factory.CreateBrowserlikeClient();
        foreach (var address in new[] { confirmed, unconfirmed })
        {
            using var requested = await visitor.SubmitFormAsync("/members/KE", Fields(("Email", address)), "form[action='/follow']");
            requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var confirmation = (await factory.MailsToAsync(confirmed)).ShouldHaveSingleItem();
        confirmation.Subject.ShouldBe("Confirm that you want to follow Kenya's action plans");
        confirmation.Headers.Contains("List-Unsubscribe").ShouldBeFalse("nothing to unsubscribe from before confirming");
        var confirmPage = await visitor.GetDocumentAsync(LinkIn(confirmation.TextBody!, "/follow/confirm"));
        confirmPage.QuerySelector("h1")!.TextContent.ShouldBe("You are following");

        var planId = await factory.KenyaDraftAsync();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var closes = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var opened = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(("Form.ClosesOn", closes), ("Form.Themes", "County budgets")), "main form[action$='/consultation']");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var news = (await factory.MailsToAsync(confirmed)).Last();
        news.Subject.ShouldStartWith("Kenya: public consultation open until");
        news.TextBody!.ShouldContain($"/consultations/{planId}");
        news.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        news.Headers["List-Unsubscribe"]!.ShouldContain("/follow/unsubscribe?token=");
        (await factory.MailsToAsync(unconfirmed)).Count.ShouldBe(1, "an unconfirmed address gets only its confirmation request");
    }

    [Fact]
    public async Task AFollowerWhoAskedInFrench_IsWrittenToInFrench_WhateverThePointOfContactsLanguage()
    {
        var address = NewAddress();
        using var visitor = factory.CreateBrowserlikeClient();
        visitor.DefaultRequestHeaders.Add("Accept-Language", "fr");
        (await visitor.SubmitFormAsync("/members/KE", Fields(("Email", address)), "form[action='/follow']")).Dispose();

        var confirmation = (await factory.MailsToAsync(address)).ShouldHaveSingleItem();
        confirmation.Subject.ShouldBe("Confirmez que vous voulez suivre les plans d’action de Kenya");
        (await visitor.GetDocumentAsync(LinkIn(confirmation.TextBody!, "/follow/confirm"))).Dispose();
        (await factory.WithDbAsync(db => db.Followers.Where(f => f.Email == address).Select(f => f.Language).SingleAsync())).ShouldBe("fr");

        var planId = await factory.KenyaDraftAsync();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var closesOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        using var opened = await poc.SubmitFormAsync($"/poc/plans/{planId}/consultation", Fields(("Form.ClosesOn", closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Form.Themes", "County budgets")), "main form[action$='/consultation']");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var news = (await factory.MailsToAsync(address)).Last();
        news.Subject.ShouldBe($"Kenya : consultation publique ouverte jusqu’au {closesOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr"))}");
        news.TextBody!.ShouldContain("Désabonnez-vous en un clic : ");
    }

    [Fact]
    public async Task TheUnsubscribeLink_RemovesTheFollower_ByOneClickPostOrByOpeningIt()
    {
        var byPost = await ConfirmedFollowerAsync();
        var byLink = await ConfirmedFollowerAsync();
        using var mailProgram = factory.CreateClient();

        using var posted = await mailProgram.PostAsync(
            new Uri($"/follow/unsubscribe?token={byPost.Token}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, "RFC 8058 one-click needs no antiforgery token: the token is the proof");
        using var visitor = factory.CreateBrowserlikeClient();
        (await visitor.GetDocumentAsync($"/follow/unsubscribe?token={byLink.Token}")).QuerySelector("h1")!.TextContent.ShouldBe("You are unsubscribed");

        (await factory.WithDbAsync(db => db.Followers.CountAsync(f => f.Id == byPost.Id || f.Id == byLink.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData("", "Enter your e-mail address.")]
    [InlineData("not-an-address", "Enter an e-mail address like name@example.org.")]
    public async Task Follow_WithABadAddress_IsRefusedWithAMessageAndNothingIsSaved(string address, string message)
    {
        var before = await FollowerCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var refused = await visitor.SubmitFormAsync("/members/NO", Fields(("Email", address)), "form[action='/follow']");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.MainTextAsync()).ShouldContain(message);
        (await FollowerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ADraftPlanNotInConsultation_CannotBeFollowed()
    {
        var draftId = await factory.KenyaDraftAsync();
        var memberId = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "KE").Select(m => m.Id).SingleAsync());
        var before = await FollowerCountAsync();
        using var visitor = factory.CreateBrowserlikeClient();

        using var refused = await visitor.SubmitFormAsync(
            "/members/KE",
            Fields(("Email", NewAddress()), ("Scope", "Plan"), ("PlanId", draftId.ToString(CultureInfo.InvariantCulture)), ("MemberId", memberId.ToString(CultureInfo.InvariantCulture))),
            "form[action='/follow']");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.MainTextAsync()).ShouldContain("This member or plan cannot be followed.");
        (await refused.MainTextAsync()).ShouldNotContain($"Kenya's action plan");
        (await FollowerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnUnknownOrExpiredConfirmationLink_SaysSo_AndConfirmsNothing()
    {
        var address = NewAddress();
        using var visitor = factory.CreateBrowserlikeClient();
        (await visitor.SubmitFormAsync("/members/NO", Fields(("Email", address)), "form[action='/follow']")).Dispose();
        var link = LinkIn((await factory.MailsToAsync(address)).Single().TextBody!, "/follow/confirm");
        await factory.WithDbAsync(db => db.Followers.Where(f => f.Email == address)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RequestedAt, DateTime.UtcNow - Follower.ConfirmationWindow - TimeSpan.FromHours(1))));

        (await visitor.GetDocumentAsync(link)).QuerySelector("h1")!.TextContent.ShouldBe("This link has expired");
        (await visitor.GetDocumentAsync("/follow/confirm?token=" + new string('x', Follower.TokenLength))).QuerySelector("h1")!.TextContent.ShouldBe("This link does not work");
        (await visitor.GetDocumentAsync("/follow/confirm")).QuerySelector("h1")!.TextContent.ShouldBe("This link does not work");
        (await factory.WithDbAsync(db => db.Followers.Where(f => f.Email == address).Select(f => f.ConfirmedAt).SingleAsync())).ShouldBeNull();
    }

    private async Task<Follower> ConfirmedFollowerAsync()
    {
        var address = NewAddress();
        using var visitor = factory.CreateBrowserlikeClient();
        (await visitor.SubmitFormAsync("/members/NO", Fields(("Email", address)), "form[action='/follow']")).Dispose();
        (await visitor.GetDocumentAsync(LinkIn((await factory.MailsToAsync(address)).Single().TextBody!, "/follow/confirm"))).Dispose();
        var follower = await factory.WithDbAsync(db => db.Followers.AsNoTracking().SingleAsync(f => f.Email == address));
        follower.IsConfirmed.ShouldBeTrue();
        return follower;
    }

    private static string LinkIn(string body, string path) =>
        new Uri(Link().Matches(body).Select(m => m.Value).Single(v => v.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    private Task<int> FollowerCountAsync() => factory.WithDbAsync(db => db.Followers.CountAsync());

    private static string NewAddress() => $"follower-{Guid.NewGuid():N}@example.org";

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
