namespace OgpPortal.Web.Shared.Text;

public static class WebLinks
{
    /// <summary>True for an absolute http or https address: the only kind the portal renders as a link.</summary>
    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
