namespace OgpPortal.Web.Shared.Text;

/// <summary>Escapes a user's search text for a SQL LIKE pattern, so % and _ are searched for, not wildcards.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    /// <summary>A pattern matching any text that contains what the user typed (trimmed).</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"%{Escape(text.Trim())}%";
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
    }
}
