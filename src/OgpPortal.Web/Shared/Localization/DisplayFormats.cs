using System.Globalization;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// Dates shown in the request's language: "3 March 2026", "3 de marzo de 2026", "3 mars 2026". Form inputs
/// and files keep the invariant ISO form (yyyy-MM-dd).
/// </summary>
public static class DisplayFormats
{
    private static string DatePattern => PortalCultures.Current == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";

    private const string ShortDatePattern = "d MMM yyyy";

    private static string MonthPattern => PortalCultures.Current == "es" ? "MMMM 'de' yyyy" : "MMMM yyyy";

    public static string ToDisplayDate(this DateOnly date) => date.ToString(DatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayDate(this DateTime date) => date.ToString(DatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayDate(this DateOnly? date, string empty = "") => date?.ToDisplayDate() ?? empty;

    public static string ToDisplayDate(this DateTime? date, string empty = "") => date?.ToDisplayDate() ?? empty;

    public static string ToDisplayShortDate(this DateOnly date) => date.ToString(ShortDatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayShortDate(this DateTime date) => date.ToString(ShortDatePattern, CultureInfo.CurrentCulture);

    public static string ToDisplayDateTime(this DateTime date) =>
        date.ToString(DatePattern + " HH:mm", CultureInfo.CurrentCulture);

    public static string ToDisplayShortMonth(this DateOnly date) => date.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    public static string ToDisplayMonth(this DateOnly date) => date.ToString(MonthPattern, CultureInfo.CurrentCulture);

    public static string ToDisplayMonth(this DateTime date) => date.ToString(MonthPattern, CultureInfo.CurrentCulture);

    /// <summary>A file's size as people read it: "420 kB", "2.5 MB" ("2,5 Mo" in French).</summary>
    public static string ToFileSize(this long bytes)
    {
        var french = PortalCultures.Current == "fr";
        return bytes < 1024 * 1024
            ? string.Format(CultureInfo.CurrentCulture, "{0:0} {1}", Math.Max(1, Math.Ceiling(bytes / 1024d)), french ? "ko" : "kB")
            : string.Format(CultureInfo.CurrentCulture, "{0:0.#} {1}", bytes / (1024d * 1024d), french ? "Mo" : "MB");
    }
}
