using System.Globalization;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>OGP's working languages: English (the default), Spanish and French.</summary>
public static class PortalCultures
{
    public const string Default = "en";

    public static IReadOnlyList<string> Supported { get; } = ["en", "es", "fr"];

    /// <summary>Each language named in itself, as the language switcher offers it.</summary>
    public static IReadOnlyDictionary<string, string> NativeNames { get; } = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["fr"] = "Français",
    };

    public static IList<CultureInfo> Cultures { get; } = Supported.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>The language of the current request ("en", "es" or "fr"), for <c>&lt;html lang&gt;</c>.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "es" => "es",
        "fr" => "fr",
        _ => Default,
    };

    /// <summary>
    /// Runs <paramref name="write"/> with the culture of <paramref name="language"/> (an e-mail written in its
    /// recipient's language, whatever the language of the request that sends it), then restores the request's.
    /// </summary>
    /// <summary>One of <see cref="Supported"/>: the language itself, or English when it is unknown or not offered.</summary>
    public static string Offered(string? language) => language is not null && Supported.Contains(language) ? language : Default;

    public static T InLanguage<T>(string? language, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Offered(language));
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
