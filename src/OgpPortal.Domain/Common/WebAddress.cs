namespace OgpPortal.Domain.Common;

public static class WebAddress
{
    /// <summary>True for an absolute http or https address: the only links the portal stores and shows.</summary>
    public static bool IsValid(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
