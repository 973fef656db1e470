using Microsoft.Extensions.Options;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The portal's public address, e.g. <c>https://portal.opengovpartnership.org</c>. Links in e-mail are
    /// built from it and never from the request's Host header, which a client controls.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>
    /// Whether the public's read-only pages come from the output cache (ADR 0015). On by default; the
    /// benchmark turns it off to measure what the pages cost to render.
    /// </summary>
    public bool CachePublicPages { get; set; } = true;

    public string Link(string pathAndQuery) => PublicUrl.TrimEnd('/') + pathAndQuery;
}

public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Set Portal:PublicUrl to the portal's public address, e.g. https://portal.example.org (links in e-mail are built from it).");
    }
}
