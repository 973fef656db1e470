namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// Marks English text made in code that a page translates where it shows it (<c>L.Text(label)</c>), while code
/// without a localizer (the open-data API, CSV files) keeps the English. <c>TranslationTests</c> reads
/// the literal given to <c>Localizable.Text</c> like a key of <c>L</c>, so every such text must have its Spanish and French.
/// </summary>
public static class Localizable
{
    /// <summary>The English text itself.</summary>
    public static string Text(string english) => english;
}
