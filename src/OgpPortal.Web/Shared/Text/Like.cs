using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace OgpPortal.Web.Shared.Text;

/// <summary>
/// "Contains what the user typed, ignoring case", the one way the staff lists and the Challenge list filter by text:
/// SQL <c>lower(column) LIKE '%text%'</c> with the user's text escaped (so % and _ are searched for, not wildcards)
/// and lowered. LIKE ignores case on SQLite but not on PostgreSQL, so both sides are lowered; every engine's
/// <c>lower()</c> folds every letter (on SQLite the portal's own, <c>SqliteUnicodeLower</c>: its built-in one folds
/// ASCII letters only), so "østfold" finds "Østfold" everywhere (ADR 0016).
/// </summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>
    /// A filter keeping the rows where any of <paramref name="columns"/> contains <paramref name="text"/> (trimmed),
    /// ignoring case: <c>lower(column) LIKE '%text%' ESCAPE '\'</c> for each, joined by OR, the lowered text a parameter.
    /// </summary>
    public static Expression<Func<T, bool>> AnyContains<T>(string text, params Expression<Func<T, string?>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);

        // A captured value, so EF Core sends the pattern as a parameter (one cached query plan for every text).
        var pattern = Expression.Property(Expression.Constant(new Pattern($"%{Escape(text.Trim().ToLowerInvariant())}%")), nameof(Pattern.Value));
        var row = Expression.Parameter(typeof(T), "row");
        var filter = columns
            .Select(column => (Expression)Expression.Call(
                LikeMethod,
                Expression.Constant(EF.Functions),
                Expression.Call(new Rebind(column.Parameters[0], row).Visit(column.Body), ToLowerMethod),
                pattern,
                Expression.Constant(EscapeCharacter)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(filter, row);
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
    }

    private sealed record Pattern(string Value);

    /// <summary>Puts each column's expression over the one row parameter of the combined filter.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
