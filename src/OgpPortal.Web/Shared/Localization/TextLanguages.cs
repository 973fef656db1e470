using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// The languages a plan's texts may be written in: every language the platform's CLDR data knows by a two-
/// or three-letter code (no hand-written list), named in the page's language ("noruego bokmal",
/// "norvégien bokmål").
/// </summary>
public static class TextLanguages
{
    private static readonly Lazy<HashSet<string>> Codes = new(() => CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.Name)
        .Where(name => name.Length is 2 or 3 && name.All(char.IsAsciiLetterLower))
        .ToHashSet(StringComparer.Ordinal));

    public static bool IsKnown(string? code) => code is not null && Codes.Value.Contains(code);

    /// <summary>The language's name in the page's language; the code itself when the platform does not know it.</summary>
    public static string Name(string code) => IsKnown(code) ? CultureInfo.GetCultureInfo(code).DisplayName : code;

    /// <summary>True when text in <paramref name="code"/> is in another language than the page: it is then marked.</summary>
    public static bool DiffersFromPage(string? code) => code is not null && code != PortalCultures.Current;

    /// <summary>The options of a language field, by name in the page's language.</summary>
    public static IEnumerable<SelectListItem> Options(string? selected) =>
        Codes.Value.Select(code => new SelectListItem(Name(code), code, code == selected))
            .OrderBy(o => o.Text, StringComparer.CurrentCulture);
}
