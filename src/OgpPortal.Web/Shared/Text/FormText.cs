namespace OgpPortal.Web.Shared.Text;

public static class FormText
{
    /// <summary>An optional text field as stored: trimmed, and null when left blank.</summary>
    public static string? NullIfBlank(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
