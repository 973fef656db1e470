using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>A portal that takes only two public inputs per window from one address.</summary>
public sealed class TightPublicInputFactory : PortalAppFactory
{
    protected override int PublicInputPerWindow => 2;
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
        for (var i = 0; i < 3; i++)
        {
            using var sent = await visitor.SubmitFormAsync($"/consultations/{planId}", new Dictionary<string, string> { ["Form.Text"] = $"Comment number {i} on the draft." }, "form[action$='/comments']");
            statuses.Add(sent.StatusCode);
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await sent.MainTextAsync()).ShouldContain("You sent several comments or requests in a short time");
            }
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        (await factory.WithDbAsync(db => db.ConsultationComments.CountAsync(c => c.Text.StartsWith("Comment number ")))).ShouldBe(2);
    }
}
