using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Search;

/// <summary>
/// SQLite: the FTS5 table <c>CommitmentsSearch</c> (external content over <c>Commitments</c>, kept in step by
/// triggers; migration <c>CommitmentSearch</c>). Each word is quoted and matched as a prefix, all words required.
/// </summary>
public sealed class SqliteCommitmentTextSearch(PortalDbContext db) : ICommitmentTextSearch
{
    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = ToFts5(terms);

        // bm25 is lower for better matches; negated so that higher means more relevant on both providers.
        return db.Database.SqlQuery<TextMatch>(
            $"SELECT rowid AS Id, -bm25(CommitmentsSearch) AS Score FROM CommitmentsSearch WHERE CommitmentsSearch MATCH {query}");
    }

    /// <summary><c>"word1"* "word2"*</c>: every word a quoted string (never an operator), as a prefix.</summary>
    public static string ToFts5(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.IsEmpty ? "\"\"" : string.Join(' ', terms.Words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*"));
    }
}
