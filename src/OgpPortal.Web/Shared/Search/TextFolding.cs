using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using OgpPortal.Infrastructure.Search;

namespace OgpPortal.Web.Shared.Search;

/// <summary>Case and accents folded the way the full-text indexes fold them (é is e, Ç is c), for keys and snippets.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }
}

/// <summary>A piece of a snippet: text as written, and whether it is a matched word (shown in <c>&lt;mark&gt;</c>).</summary>
public sealed record SnippetPart(string Text, bool Matched);

/// <summary>
/// The words around the first match in a commitment's texts, with every matched word marked: plain text parts
/// that the page writes encoded, so nothing in the data is ever read as HTML.
/// </summary>
public static partial class Snippet
{
    private const int WordsBefore = 8;
    private const int WordsAfter = 22;

    public static IReadOnlyList<SnippetPart> Of(SearchTerms terms, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(texts);
        if (terms.IsEmpty)
        {
            return [];
        }

        var folded = terms.Words.Select(TextFolding.Fold).ToList();
        bool IsMatch(string word)
        {
            var w = TextFolding.Fold(word);
            return folded.Any(t => w.StartsWith(t, StringComparison.Ordinal));
        }

        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var plain = Markup().Replace(Link().Replace(text, "$1"), " ");
            var words = Word().Matches(plain);
            var index = words.Select((w, i) => (w, i)).FirstOrDefault(x => IsMatch(x.w.Value), (null!, -1)).Item2;
            if (index < 0)
            {
                continue;
            }

            var from = Math.Max(0, index - WordsBefore);
            var to = Math.Min(words.Count - 1, index + WordsAfter);
            var parts = new List<SnippetPart>();
            var start = from == 0 ? 0 : words[from].Index;
            var end = to == words.Count - 1 ? plain.Length : words[to].Index + words[to].Length;
            var at = start;
            for (var i = from; i <= to; i++)
            {
                if (!IsMatch(words[i].Value))
                {
                    continue;
                }

                Add(parts, plain[at..words[i].Index], false);
                Add(parts, words[i].Value, true);
                at = words[i].Index + words[i].Length;
            }

            Add(parts, plain[at..end], false);
            if (from > 0)
            {
                parts.Insert(0, new SnippetPart("… ", false));
            }

            if (end < plain.Length)
            {
                parts.Add(new SnippetPart(" …", false));
            }

            return parts;
        }

        return [];
    }

    private static void Add(List<SnippetPart> parts, string text, bool matched)
    {
        var collapsed = Space().Replace(text, " ");
        if (collapsed.Length > 0)
        {
            parts.Add(new SnippetPart(collapsed, matched));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();

    /// <summary>Markdown's emphasis, headings, quotes and code marks, which mean nothing in a one-line excerpt.</summary>
    [GeneratedRegex(@"(?m)^[ \t]*(?:#+|>+)[ \t]*|\*+|__+|`+")]
    private static partial Regex Markup();

    /// <summary>A Markdown link, whose text is kept.</summary>
    [GeneratedRegex(@"\[([^\]\n]*)\]\([^)\n]*\)")]
    private static partial Regex Link();

    /// <summary>The snippet as HTML: every part encoded, the matched words in <c>&lt;mark&gt;</c>.</summary>
    public static IHtmlContent Html(IReadOnlyList<SnippetPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var html = new HtmlContentBuilder(parts.Count * 3);
        foreach (var part in parts)
        {
            if (part.Matched)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
