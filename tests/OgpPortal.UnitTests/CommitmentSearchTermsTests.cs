using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.UnitTests;

/// <summary>What people type becomes a safe full-text query on both providers; the criteria keep to their ranges.</summary>
public sealed class CommitmentSearchTermsTests
{
    public static TheoryData<string> Hostile => new()
    {
        "\"", "\"\"\"", "AND OR (", "NEAR(open data, 2)", "title:open", "^open", "open*", "-open", "+", "*", "a\"b", "(", ")", "{Title}: x",
        "'; DROP TABLE Commitments; --", "NOT", "OR", "æ ø å", "\u0000", "børn* AND (unge OR", new string('x', 500),
    };

    [Theory]
    [InlineData("\"", new string[0])]
    [InlineData("AND OR (", new[] { "AND", "OR" })]
    [InlineData("title:open^", new[] { "title", "open" })]
    [InlineData("Børn, unge!  børn", new[] { "Børn", "unge" })]
    [InlineData("e-filing 2024", new[] { "e", "filing", "2024" })]
    public void Parse_KeepsOnlyWords(string input, string[] words) => SearchTerms.Parse(input).Words.ShouldBe(words);

    [Fact]
    public void Parse_LimitsTheNumberAndLengthOfWords()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}")) + " " + new string('y', 80));

        terms.Words.Count.ShouldBe(SearchTerms.MaxTerms);
        SearchTerms.Parse(new string('y', 80)).Words.Single().Length.ShouldBe(SearchTerms.MaxTermLength);
    }

    [Fact]
    public void Queries_QuoteEveryWordAsAPrefix()
    {
        var terms = SearchTerms.Parse("AND børn");

        SqliteCommitmentTextSearch.ToFts5(terms).ShouldBe("\"AND\"* \"børn\"*");
        SqlServerCommitmentTextSearch.ToContains(terms).ShouldBe("\"AND*\" AND \"børn*\"");
        PostgreSqlCommitmentTextSearch.ToTsQuery(terms).ShouldBe("'AND':* & 'børn':*");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileInput_RunsAsAnFts5Query_WithoutASyntaxError(string input)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();

        var terms = SearchTerms.Parse(input);

        Should.NotThrow(() => new SqliteCommitmentTextSearch(db).Match(terms).ToList());
    }

    [Fact]
    public void SqlServerMigrations_CreateTheFullTextIndex()
    {
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=unused;Database=OgpPortal;TrustServerCertificate=True").Options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE FULLTEXT CATALOG CommitmentsCatalog");
        script.ShouldContain("CREATE FULLTEXT INDEX ON Commitments");
    }

    [Fact]
    public void Criteria_KeepValuesInRange_RefuseOverlongWords_AndSortByRelevanceOnlyWithWords()
    {
        var criteria = new CommitmentSearchCriteria { Q = "  " + new string('q', 300), Page = -1, PageSize = 5000, Members = [" dk ", "DK", "no"] };

        criteria.Q!.Length.ShouldBe(300, "never cut: refused, with the same message on every surface");
        criteria.Problem.ShouldBe(CommitmentSearchCriteria.QueryTooLong);
        new CommitmentSearchCriteria { Q = new string('q', CommitmentSearchCriteria.MaxQueryLength) }.Problem.ShouldBeNull();
        (criteria.Page, criteria.PageSize).ShouldBe((1, CommitmentSearchCriteria.MaxPageSize));
        criteria.Members.ShouldBe(["DK", "NO"]);
        criteria.EffectiveSort(hasWords: true).ShouldBe(CommitmentSort.Relevance);
        criteria.EffectiveSort(hasWords: false).ShouldBe(CommitmentSort.NewestPlan);
        (criteria with { Sort = CommitmentSort.Relevance }).EffectiveSort(hasWords: false).ShouldBe(CommitmentSort.NewestPlan);
        (criteria with { Sort = CommitmentSort.Title }).EffectiveSort(hasWords: true).ShouldBe(CommitmentSort.Title);
    }

    [Fact]
    public void Criteria_WithSeveralValues_MakeAShareableAddress_InOneOrder()
    {
        var criteria = new CommitmentSearchCriteria
        {
            Q = "øl",
            Regions = [Domain.Members.Region.Europe, Domain.Members.Region.Americas, Domain.Members.Region.Europe],
            PlanStatuses = [Domain.ActionPlans.ActionPlanStatus.Draft, Domain.ActionPlans.ActionPlanStatus.Closed],
            Years = [2024, 1066, 2023],
            Promising = true,
        };

        criteria.ToQuery(2).ShouldBe([
            new("q", "øl"), new("region", "Americas"), new("region", "Europe"), new("status", "Closed"),
            new("year", "1066"), new("year", "2023"), new("year", "2024"), new("promising", "true"), new("page", "2")]);
        criteria.IsChosen("year", "1066").ShouldBeTrue("a year no plan covers stays a criterion (and matches nothing), never widening the search");
        criteria.ToQueryWithout("region").Select(p => p.Key).ShouldNotContain("region");
        criteria.ToQueryWithout("region", "Europe").Count(p => p.Key == "region").ShouldBe(1);
        criteria.IsChosen("region", "Europe").ShouldBeTrue();
        criteria.IsChosen("status", "Draft").ShouldBeFalse("a plan that is not public is never a criterion");
    }

    [Theory]
    [InlineData("participacion", "La participación ciudadana en los municipios", "participación")]
    [InlineData("DONNEES ouv", "Des données ouvertes pour tous", "données|ouvertes")]
    [InlineData("børn", "Børn og unge skal høres i nærområdet", "Børn")]
    public void Snippet_MarksTheMatchedWords_FoldingCaseAndAccents(string words, string text, string marked)
    {
        var snippet = Snippet.Of(SearchTerms.Parse(words), null, text);

        string.Join("|", snippet.Where(p => p.Matched).Select(p => p.Text)).ShouldBe(marked);
        string.Concat(snippet.Select(p => p.Text)).ShouldBe(text);
    }

    [Fact]
    public void Snippet_IsTheWordsAroundTheFirstMatch_OfTheFirstTextThatHasOne()
    {
        var before = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}"));
        var snippet = Snippet.Of(SearchTerms.Parse("budget"), "No match in the short title", $"{before} the **budget** is open. <script>alert(1)</script>");

        snippet[0].Text.ShouldBe("… ");
        snippet.Single(p => p.Matched).Text.ShouldBe("budget");
        string.Concat(snippet.Select(p => p.Text)).ShouldContain("w24 w25");
        string.Concat(snippet.Select(p => p.Text)).ShouldNotContain("w23 ");
        string.Concat(snippet.Select(p => p.Text)).ShouldNotContain("**");
        Snippet.Of(SearchTerms.Parse("absent"), "a", "b").ShouldBeEmpty();
    }
}
