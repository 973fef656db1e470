using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>A portal that takes only two public inputs, three sign-in attempts and three API calls per window from one address.</summary>
public sealed class TightPublicInputFactory : PortalAppFactory
{
    protected override int PublicInputPerWindow => 2;

    protected override int SignInPerWindow => 3;

    protected override int ApiPerMinute => 3;
}

/// <summary>Comments and follow requests from one address are limited; the limit answers with a page that says so.</summary>
public sealed class PublicInputLimitTests(TightPublicInputFactory factory) : IClassFixture<TightPublicInputFactory>
{
    [Fact]
    public async Task BeyondTheLimit_APublicInputIsRefusedWith429_AndNothingIsSaved()
    {
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var visitor = factory.CreateBrowserlikeClient();
        var statuses = new List<HttpStatusCode>();
        int? retryAfter = null;
        for (var i = 0; i < 3; i++)
        {
            using var sent = await visitor.SubmitFormAsync($"/consultations/{planId}", new Dictionary<string, string> { ["Form.Text"] = $"Comment number {i} on the draft." }, "form[action$='/comments']");
            statuses.Add(sent.StatusCode);
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter = (int?)sent.Headers.RetryAfter?.Delta?.TotalSeconds;
                (await sent.MainTextAsync()).ShouldContain("You sent several comments or requests in a short time");
            }
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        retryAfter.ShouldNotBeNull().ShouldBeGreaterThan(0);
        (await factory.WithDbAsync(db => db.ConsultationComments.CountAsync(c => c.Text.StartsWith("Comment number ")))).ShouldBe(2);
    }

    [Fact]
    public async Task BeyondTheLimit_SignInAttemptsAreRefusedWith429AndRetryAfter_EvenWithTheRightPassword()
    {
        using var client = factory.CreateBrowserlikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostLoginAsync("nobody@example.org", "not the password");
            statuses.Add(wrong.StatusCode);
        }

        using var refused = await client.PostLoginAsync(Infrastructure.Seeding.DemoAccounts.PocKenya, PortalAppFactory.DemoPassword);

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        using var after = await client.GetAsync(new Uri("/poc", UriKind.Relative));
        after.Headers.Location?.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task BeyondTheLimit_TheApiAnswers429WithRetryAfterAsProblemDetails()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/members", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter?.Delta.ShouldNotBeNull();
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }
}
