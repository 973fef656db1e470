using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>One field of a form as the page offers it: its kind (input type, textarea, select), value and choices.</summary>
public sealed record FormField(string Name, string Kind, string Value, IReadOnlyList<string> Options)
{
    public bool IsToken => Name == "__RequestVerificationToken";
}

/// <summary>A POST form found on a page, with the address it posts to and its fields in page order.</summary>
public sealed record CrawledForm(string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    /// <summary>The action with its numbers and ids replaced, and the field names: forms of one shape are one form.</summary>
    public string Shape => $"{FormCrawler.PathShape(Action)} [{string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))}]";

    public string Token => Fields.FirstOrDefault(f => f.IsToken)?.Value ?? string.Empty;
}

/// <summary>A GET that failed while crawling, and what the crawl found.</summary>
public sealed record CrawlResult(IReadOnlyList<CrawledForm> Forms, IReadOnlyList<string> Failures, int Pages);

/// <summary>
/// Walks the pages a client can reach by following same-origin links, as a person clicking around would,
/// and collects every form that posts. Pages of one shape (<c>/commitments/{n}</c>) are visited only a few
/// times, so the walk covers every kind of page without reading the whole catalogue.
/// </summary>
public static partial class FormCrawler
{
    private static readonly string[] SkippedPrefixes = ["/account/logout", "/api/", "/data/", "/feeds/", "/lib/", "/css/", "/js/", "/health", "/error"];

    private static readonly HashSet<string> PagingKeys = new(StringComparer.OrdinalIgnoreCase) { "page", "sort", "order", "dir", "culture" };

    /// <summary>Walks from <paramref name="starts"/>; <paramref name="visit"/>, when given, reads each HTML page found.</summary>
    public static async Task<CrawlResult> CrawlAsync(HttpClient client, IEnumerable<string> starts, int maxPages = 300, int perShape = 2, Action<string, IHtmlDocument>? visit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, CrawledForm>(StringComparer.Ordinal);
        var failures = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < maxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            pages++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await HtmlForms.ParseAsync(response);
            visit?.Invoke(url, document);
            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                if (Read(form, url) is { } found && !IsSkipped(found.Action))
                {
                    forms.TryAdd(found.Shape, found);
                }
            }

            foreach (var link in Links(document, url))
            {
                var shape = PathShape(link);
                if (!seen.Contains(link) && shapes.GetValueOrDefault(shape) < perShape)
                {
                    seen.Add(link);
                    shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                    queue.Enqueue(link);
                }
            }
        }

        return new CrawlResult([.. forms.Values], failures, pages);
    }

    /// <summary>The path with numbers and GUIDs replaced by placeholders.</summary>
    public static string PathShape(string url)
    {
        var path = url.Split('?', '#')[0];
        return Guid().Replace(Number().Replace(path, "/{n}"), "/{id}");
    }

    private static bool IsSkipped(string path) =>
        SkippedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Links(IDocument document, string pageUrl)
    {
        var page = new Uri(new Uri("http://portal.test"), pageUrl);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!;
            if (anchor.HasAttribute("download") || !Uri.TryCreate(page, href, out var target) || target.Host != page.Host
                || IsSkipped(target.AbsolutePath) || Path.HasExtension(target.AbsolutePath))
            {
                continue;
            }

            var query = System.Web.HttpUtility.ParseQueryString(target.Query);
            if (query.AllKeys.Length > 0 && query.AllKeys.All(k => k is not null && PagingKeys.Contains(k)))
            {
                continue;
            }

            yield return target.PathAndQuery;
        }
    }

    private static CrawledForm? Read(IHtmlFormElement form, string pageUrl)
    {
        if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        var fields = new List<FormField>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            FormField? field = element switch
            {
                IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" } => null,
                IHtmlInputElement input => new FormField(name, input.Type, input.Type is "checkbox" or "radio" && !input.IsChecked ? string.Empty : input.Value, []),
                IHtmlTextAreaElement textArea => new FormField(name, "textarea", textArea.Value, []),
                IHtmlSelectElement select => new FormField(name, "select", select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? string.Empty, [.. select.Options.Select(o => o.Value)]),
                IHtmlButtonElement => null,
                _ => null,
            };
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return new CrawledForm(pageUrl, action, string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase), fields);
    }

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex Number();

    [GeneratedRegex("/[0-9a-fA-F-]{32,36}(?=/|$)")]
    private static partial Regex Guid();
}
