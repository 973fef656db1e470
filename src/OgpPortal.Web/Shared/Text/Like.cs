namespace OgpPortal.Web.Shared.Text;

/// <summary>Escapes a user's search text for a SQL LIKE pattern, so % and _ are searched for, not wildcards.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
    }
}
