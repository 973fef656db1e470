using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// What a visitor expects of a search box (issue 21), on every engine: accents and case folded, the best match
/// first, the words shown where they matched, an identifier going straight to its commitment, and a way out when
/// nothing matches. Changes commitments' texts, so it has its own database.
/// </summary>
public sealed class SearchRelevanceAndLanguageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("participacion")]
    [InlineData("PARTICIPACIÓN ciudadana")]
    [InlineData("particip")]
    [InlineData("donnees ouvertes")]
    [InlineData("Données")]
    public async Task Accents_AndCase_AreFolded_OnEveryEngine(string words)
    {
        await SetAsync("DK0041", title: "Participación ciudadana en la contratación pública", description: "Des données ouvertes sur les marchés publics.");

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(words)}");

        CommitmentSearchTests.Identifiers(page).ShouldContain("DK0041", $"{words} on {TestDatabase.Engine}");
    }

    [Fact]
    public async Task AWordInTheTitle_RanksAboveTheSameWordInTheText()
    {
        await SetAsync("DK0043", description: "Erfaringerne fra kvarterløft bruges i kommunerne, og kvarterløft evalueres.");
        await SetAsync("DK0042", title: "Kvarterløft for borgerinddragelse");

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync("/commitments?q=kvarterløft");

        CommitmentSearchTests.Identifiers(page).ShouldBe(["DK0042", "DK0043"]);
    }

    [Fact]
    public async Task EachResult_ShowsTheWordsAroundTheMatch_Marked_AndTheDataAsText()
    {
        await SetAsync("DK0044", description: "Before the match <b>bold</b> the zanzibarword stays <script>alert(1)</script> text.");

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync("/commitments?q=Zanzibarwo");

        var snippet = page.QuerySelector("#results li .snippet")!;
        snippet.QuerySelector("mark")!.TextContent.ShouldBe("zanzibarword");
        snippet.QuerySelectorAll("script, b").ShouldBeEmpty();
        snippet.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task TypingAnIdentifier_GoesToThatCommitment_AndAnUnknownOneIsSearchedFor()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var known = await visitor.GetAsync(new Uri("/commitments?q=dk0041", UriKind.Relative));
        using var draft = await visitor.GetAsync(new Uri("/commitments?q=NO0090", UriKind.Relative));
        using var filtered = await visitor.GetAsync(new Uri("/commitments?q=DK0041&region=Americas", UriKind.Relative));

        known.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        known.Headers.Location!.OriginalString.ShouldBe("/commitments/DK0041");
        draft.StatusCode.ShouldBe(HttpStatusCode.OK, "NO0090's plan is a draft: not public, so not an identifier to go to");
        filtered.StatusCode.ShouldBe(HttpStatusCode.OK, "with a filter, the words are searched for");
    }

    [Fact]
    public async Task NoResults_OffersToDropTheFilterThatNarrowsMost_WithWhatItWouldGive()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var none = await visitor.GetDocumentAsync("/commitments?q=open+data&member=DK&region=Americas");

        CommitmentSearchTests.Total(none).ShouldBe(0);
        var loosen = none.QuerySelector("#loosen")!;
        var wider = await visitor.GetDocumentAsync(loosen.GetAttribute("href")!);
        CommitmentSearchTests.Total(wider).ShouldBeGreaterThan(0);
        loosen.TextContent.ShouldContain($": {CommitmentSearchTests.Total(wider)} commitments");
        var others = new[] { "/commitments?q=open+data&member=DK", "/commitments?q=open+data&region=Americas", "/commitments?member=DK&region=Americas" };
        foreach (var other in others)
        {
            CommitmentSearchTests.Total(await visitor.GetDocumentAsync(other)).ShouldBeLessThanOrEqualTo(CommitmentSearchTests.Total(wider), other);
        }
    }

    // Straight in the table (the plans are published, so no screen edits them); WithDbAsync tells the search's index.
    private Task<int> SetAsync(string identifier, string? title = null, string? description = null) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Title, c => title ?? c.Title)
            .SetProperty(c => c.Description, c => description ?? c.Description)));
}
