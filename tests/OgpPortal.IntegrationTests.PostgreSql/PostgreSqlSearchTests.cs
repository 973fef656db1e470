using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Search;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// What PostgreSQL's full-text search adds to the search every engine runs (CommitmentSearchTests): accents and case
/// folded by <c>unaccent</c>, titles weighing more than the texts, and no input ever read as tsquery syntax.
/// </summary>
public sealed class PostgreSqlSearchTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("contratacion")]
    [InlineData("CONTRATACIÓN")]
    [InlineData("Contratación abierta")]
    [InlineData("contrat")]
    [InlineData("transparencia contrat")]
    public async Task Accents_AndCase_AreFolded_AndWordsArePrefixes(string words)
    {
        await RetitleAsync("DK0041", "Contratación abierta y transparencia en las compras públicas");

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync($"/commitments?q={Uri.EscapeDataString(words)}");

        CommitmentSearchTests.Identifiers(page).ShouldContain("DK0041", words);
    }

    [Fact]
    public async Task AWordInTheTitle_RanksAboveTheSameWordInTheText()
    {
        await RetitleAsync("DK0042", "Kvarterløft for borgerinddragelse");
        await RedescribeAsync("DK0043", "Erfaringerne fra kvarterløft bruges i kommunerne.");

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync("/commitments?q=kvarterloft");

        CommitmentSearchTests.Identifiers(page).ShouldBe(["DK0042", "DK0043"]);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileInput_RunsAsATsQuery_WithoutASyntaxError(string input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ICommitmentTextSearch>();

        search.ShouldBeOfType<PostgreSqlCommitmentTextSearch>();
        (await search.Match(SearchTerms.Parse(input)).CountAsync()).ShouldBeGreaterThanOrEqualTo(0);
    }

    public static TheoryData<string> Hostile() =>
    [
        "'; DROP TABLE \"Commitments\"; --", "!", "a & b | !c", "foo:*", "(unbalanced", "'quoted'", "\\", "ø:* & å", "<->", "børn* AND (unge OR", new string('x', 500), "\u0000x", "\u0301", "e\u0301\u0301",
    ];

    // Straight in the table: the commitments' plans are published, so no screen edits them; the search vector is a
    // generated column, recomputed by PostgreSQL whatever writes the row.
    private Task<int> RetitleAsync(string identifier, string title) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, title)));

    private Task<int> RedescribeAsync(string identifier, string description) =>
        factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, description)));
}
