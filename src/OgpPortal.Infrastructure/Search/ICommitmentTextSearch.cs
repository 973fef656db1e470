using System.Text.RegularExpressions;

namespace OgpPortal.Infrastructure.Search;

/// <summary>A commitment whose text matched, with its relevance (higher is more relevant).</summary>
public sealed class TextMatch
{
    public int Id { get; set; }

    public double Score { get; set; }
}

/// <summary>
/// Full-text search over commitments' title, short title, problem, description and solution, answered by
/// the database's own full-text index (SQLite FTS5 or SQL Server full-text), never by scanning the text.
/// The result is a query to join into an EF Core query; see ADR 0007.
/// </summary>
public interface ICommitmentTextSearch
{
    /// <summary>The ids of all commitments (public or not: callers filter) that contain every term.</summary>
    IQueryable<TextMatch> Match(SearchTerms terms);

    /// <summary>
    /// Whether the index holds a change as soon as it is committed (SQLite's triggers, PostgreSQL's generated
    /// column), so that its answers may be kept until the next change; SQL Server fills its index in the background.
    /// </summary>
    bool MatchesAtCommit => true;
}

/// <summary>
/// What a person typed, reduced to plain words (letters, digits and combining marks): quotes, brackets,
/// operators and column filters are dropped, so no input can be read as full-text query syntax.
/// </summary>
public sealed partial class SearchTerms
{
    public const int MaxTerms = 10;
    public const int MaxTermLength = 50;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? text) =>
        new(string.IsNullOrWhiteSpace(text)
            ? []
            : Word().Matches(text).Select(m => m.Value.Length > MaxTermLength ? m.Value[..MaxTermLength] : m.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms).ToList());

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();
}
