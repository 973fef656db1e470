using Microsoft.EntityFrameworkCore;

namespace OgpPortal.Web.Shared.Paging;

/// <summary>One page of a list, with what the pager needs. Page numbers start at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)Size));

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}

public static class Paging
{
    public const int DefaultSize = 50;

    /// <summary>The highest page number anyone may ask for (pages and API alike): beyond it the offset would overflow.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A page number from the query string, kept within 1..<see cref="MaxPage"/> whatever was typed.</summary>
    public static int Clamp(int? page) => Math.Clamp(page ?? 1, 1, MaxPage);

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int number, int size, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, size, total);
    }
}

/// <summary>The model of the shared <c>_Pager</c> partial: a page and how to link to another page.</summary>
public sealed record Pager(int Number, int PageCount, Func<int, string> LinkTo);
