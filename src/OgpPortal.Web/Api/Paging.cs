using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Api;

[Description("One page of a list.")]
public sealed record PagedList<T>(
    [property: Description("The records on this page.")] IReadOnlyList<T> Items,
    [property: Description("This page's number, from 1.")] int Page,
    [property: Description("Records per page (at most 100).")] int PageSize,
    [property: Description("How many records match, on all pages.")] int TotalCount,
    [property: Description("How many pages there are (at least 1).")] int PageCount,
    [property: Description("Links to this, the first, last, previous and next pages.")] PageLinks Links);

[Description("Absolute links to pages of the same list, with the same filters.")]
public sealed record PageLinks(
    [property: Description("This page.")] string Self,
    [property: Description("The first page.")] string First,
    [property: Description("The last page.")] string Last,
    [property: Description("The previous page; absent on the first page.")] string? Prev,
    [property: Description("The next page; absent on the last page.")] string? Next)
{
    /// <summary>The links for one page, built from the portal's public address (never the request's Host header).</summary>
    public static PageLinks For<T>(PortalOptions options, HttpRequest request, Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var (number, size, pageCount) = (page.Number, page.Size, page.PageCount);
        var kept = request.Query
            .Where(q => !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("pageSize", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        string Link(int number) => options.Link(QueryHelpers.AddQueryString(
            request.Path.Value ?? "/",
            [.. kept, new("page", number.ToString(CultureInfo.InvariantCulture)), new("pageSize", size.ToString(CultureInfo.InvariantCulture))]));
        return new PageLinks(Link(number), Link(1), Link(pageCount), number > 1 ? Link(Math.Min(number - 1, pageCount)) : null, number < pageCount ? Link(number + 1) : null);
    }

    /// <summary>The same links as an RFC 8288 <c>Link</c> header.</summary>
    public string ToLinkHeader() => string.Join(", ", new[] { (Self, "self"), (First, "first"), (Last, "last"), (Prev, "prev"), (Next, "next") }
        .Where(l => l.Item1 is not null)
        .Select(l => $"<{l.Item1}>; rel=\"{l.Item2}\""));
}
