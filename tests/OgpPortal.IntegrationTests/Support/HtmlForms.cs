using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>
/// Submits a page's real HTML form, as a browser would: every field the form carries (the antiforgery
/// token included) is sent with its current value, and the test overrides only the fields it fills in.
/// </summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="pageUrl"/>, fills the form and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.SubmitAsync(form, fields, pageUrl);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string> fields, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(Values(form, fields));
        return await client.PostAsync(Action(form, pageUrl), content);
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/> and submits its multipart form with a file chosen in
    /// <paramref name="fileField"/>, or with none chosen when <paramref name="file"/> is null, as a browser uploads.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(this HttpClient client, string pageUrl, string fileField, (string Name, byte[] Content)? file, IReadOnlyDictionary<string, string>? fields = null, string formSelector = "main form", string contentType = "text/csv")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        form.Enctype.ShouldBe("multipart/form-data");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(form, fields ?? new Dictionary<string, string>()))
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file?.Content ?? []);
        part.Headers.ContentType = new MediaTypeHeaderValue(file is null ? "application/octet-stream" : contentType);

        // With no file chosen, a browser still sends the field, with an empty file name.
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{fileField}\"", FileName = $"\"{file?.Name}\"" };
        content.Add(part);
        return await client.PostAsync(Action(form, pageUrl), content);
    }

    private static Uri Action(IHtmlFormElement form, string pageUrl) =>
        new(string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!, UriKind.RelativeOrAbsolute);

    /// <summary>Every field the form carries with its current value, except those <paramref name="fields"/> sets, then those.</summary>
    private static List<KeyValuePair<string, string>> Values(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio" && !input.IsChecked:
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" or "file" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        values.AddRange(fields);
        return values;
    }

    /// <summary>The text of the page's main content, for asserting what a user reads.</summary>
    public static async Task<string> MainTextAsync(this HttpResponseMessage response)
    {
        var document = await ParseAsync(response);
        return document.QuerySelector("main")?.TextContent ?? string.Empty;
    }
}
