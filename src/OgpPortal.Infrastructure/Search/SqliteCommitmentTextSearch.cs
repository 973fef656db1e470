using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Search;

/// <summary>
/// SQLite: the FTS5 table <c>CommitmentsSearch</c> (external content over <c>Commitments</c>, kept in step by
/// triggers; migrations <c>CommitmentSearch</c> and <c>SearchIndexVersion</c>, tokenizer <c>unicode61 remove_diacritics 2</c>:
/// case and accents folded). Each word is quoted and matched as a prefix, all words required; titles weigh more.
/// </summary>
public sealed class SqliteCommitmentTextSearch(PortalDbContext db) : ICommitmentTextSearch
{
    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = ToFts5(terms);

        // bm25 is lower for better matches; negated so that higher means more relevant on every provider. The
        // weights are the columns' (Title, ShortTitle, Problem, Description, Solution): a word in the title or
        // short title counts ten times a word in the texts, as PostgreSQL's setweight A and B.
        return db.Database.SqlQuery<TextMatch>(
            $"SELECT rowid AS Id, -bm25(CommitmentsSearch, 10.0, 10.0, 1.0, 1.0, 1.0) AS Score FROM CommitmentsSearch WHERE CommitmentsSearch MATCH {query}");
    }

    /// <summary><c>"word1"* "word2"*</c>: every word a quoted string (never an operator), as a prefix.</summary>
    public static string ToFts5(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.IsEmpty ? "\"\"" : string.Join(' ', terms.Words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*"));
    }
}
