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
    public void Criteria_KeepValuesInRange_AndSortByRelevanceOnlyWithWords()
    {
        var criteria = new CommitmentSearchCriteria { Q = "  " + new string('q', 300), Page = -1, PageSize = 5000, Member = " dk " };

        criteria.Q!.Length.ShouldBe(CommitmentSearchCriteria.MaxQueryLength);
        (criteria.Page, criteria.PageSize, criteria.Member).ShouldBe((1, CommitmentSearchCriteria.MaxPageSize, "DK"));
        criteria.EffectiveSort(hasWords: true).ShouldBe(CommitmentSort.Relevance);
        criteria.EffectiveSort(hasWords: false).ShouldBe(CommitmentSort.NewestPlan);
        (criteria with { Sort = CommitmentSort.Relevance }).EffectiveSort(hasWords: false).ShouldBe(CommitmentSort.NewestPlan);
        (criteria with { Sort = CommitmentSort.Title }).EffectiveSort(hasWords: true).ShouldBe(CommitmentSort.Title);
        new CommitmentSearchCriteria { Q = "øl", Region = Domain.Members.Region.Europe, Promising = true }.ToQuery(2)
            .ShouldBe([new("q", "øl"), new("region", "Europe"), new("promising", "true"), new("page", "2")]);
    }
}
