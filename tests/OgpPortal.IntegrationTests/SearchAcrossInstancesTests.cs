using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The search's in-memory index (ADR 0019) on two instances over one database: a change saved through one
/// instance is in the other's search within moments, through the public content version in the database.
/// </summary>
public sealed class SearchAcrossInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task AChangeSavedThroughOneInstance_IsInTheOtherInstancesSearch_WithinMoments()
    {
        using var reader = instances.Second.CreateBrowserlikeClient();
        var scotland = CommitmentSearchTests.Total(await reader.GetDocumentAsync("/commitments?member=SCO"));
        scotland.ShouldBeGreaterThan(0);
        CommitmentSearchTests.Total(await reader.GetDocumentAsync("/commitments?member=SCO&region=AsiaAndThePacific")).ShouldBe(0);

        using var staff = await instances.First.SignedInClientAsync(DemoAccounts.SupportUnit);
        var id = await instances.First.WithDbAsync(db => db.Members.Where(m => m.Code == "SCO").Select(m => m.Id).SingleAsync());
        using var saved = await staff.SubmitFormAsync($"/support-unit/members/{id}/edit", new Dictionary<string, string> { ["Region"] = "AsiaAndThePacific" });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        int moved;
        while ((moved = CommitmentSearchTests.Total(await reader.GetDocumentAsync("/commitments?member=SCO&region=AsiaAndThePacific"))) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        moved.ShouldBe(scotland, "the other instance's search sees the member's new region");
        var facet = CommitmentSearchTests.Facet(await reader.GetDocumentAsync("/commitments?member=SCO"), "region");
        facet["Europe"].ShouldBe(0);
    }
}
