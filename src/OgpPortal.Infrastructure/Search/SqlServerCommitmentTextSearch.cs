using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Search;

/// <summary>
/// SQL Server: <c>CONTAINSTABLE</c> (the ranked form of <c>CONTAINS</c>) over the full-text index on
/// <c>Commitments</c> created by the SQL Server migration <c>CommitmentSearch</c>. Each word is a quoted
/// prefix term, all words required. Not run on the development machines (no SQL Server there); see ADR 0007.
/// </summary>
public sealed class SqlServerCommitmentTextSearch(PortalDbContext db) : ICommitmentTextSearch
{
    /// <summary>Change tracking is automatic but asynchronous: a match read just after a commit may miss the change.</summary>
    public bool MatchesAtCommit => false;

    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = ToContains(terms);
        return db.Database.SqlQuery<TextMatch>(
            $"SELECT [KEY] AS Id, CAST([RANK] AS float) AS Score FROM CONTAINSTABLE(Commitments, (Title, ShortTitle, Problem, Description, Solution), {query})");
    }

    /// <summary><c>"word1*" AND "word2*"</c>.</summary>
    public static string ToContains(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.IsEmpty ? "\"\"" : string.Join(" AND ", terms.Words.Select(w => $"\"{w.Replace("\"", string.Empty, StringComparison.Ordinal)}*\""));
    }
}
