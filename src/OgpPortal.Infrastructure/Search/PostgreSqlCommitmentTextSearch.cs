using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Search;

/// <summary>
/// PostgreSQL: the stored <c>tsvector</c> column <c>Commitments."SearchVector"</c> with its GIN index, created by the
/// PostgreSQL migration <c>CommitmentSearch</c> with the text search configuration <c>portal_search</c>
/// (<c>unaccent</c>, then <c>simple</c>: accents and case folded, no stemming, no stop words). Titles weigh more
/// than the texts (<c>setweight</c> A and B); each word is a prefix, all words required; ranked by <c>ts_rank</c>.
/// </summary>
public sealed class PostgreSqlCommitmentTextSearch(PortalDbContext db) : ICommitmentTextSearch
{
    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = ToTsQuery(terms);
        return db.Database.SqlQuery<TextMatch>(
            $"""SELECT "Id", ts_rank("SearchVector", to_tsquery('portal_search', {query}))::double precision AS "Score" FROM "Commitments" WHERE "SearchVector" @@ to_tsquery('portal_search', {query})""");
    }

    /// <summary><c>'word1':* &amp; 'word2':*</c>: every word a quoted lexeme (never an operator), as a prefix.</summary>
    public static string ToTsQuery(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);

        // SearchTerms keeps letters, digits and marks only; quotes and backslashes are escaped all the same.
        // No words: an empty query, which matches nothing ('' would be a syntax error).
        return terms.IsEmpty
            ? string.Empty
            : string.Join(" & ", terms.Words.Select(w => $"'{w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}':*"));
    }
}
