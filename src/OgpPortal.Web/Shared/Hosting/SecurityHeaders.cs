namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// The security headers of every response (NetEscapades.AspNetCore.SecurityHeaders): a Content Security
/// Policy that runs scripts from the portal's own files only (no inline script anywhere), no framing, no
/// MIME sniffing, and a referrer that leaves the site as its origin only. HSTS comes from ASP.NET Core's
/// own middleware outside Development (HTTPS only). The API reference page (Scalar) writes its set-up
/// as an inline script, so that one page has a policy of its own that allows it; uploaded files are served
/// under a policy that allows nothing and sandboxes them.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiReferencePolicy = "ApiReference";

    /// <summary>Files people uploaded (evidence): nothing in them runs, even when a browser opens one.</summary>
    public const string DownloadPolicy = "Download";

    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp =>
            {
                Sources(csp);
                csp.AddScriptSrc().Self();
            }))
            .AddPolicy(ApiReferencePolicy, p => Common(p).AddContentSecurityPolicy(csp =>
            {
                Sources(csp);
                csp.AddScriptSrc().Self().UnsafeInline();
            }))
            .AddPolicy(DownloadPolicy, p => Common(p).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddSandbox();
            })));

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) => policy
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
        .RemoveServerHeader();

    private static void Sources(CspBuilder csp)
    {
        csp.AddDefaultSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self().Data();
        csp.AddConnectSrc().Self();

        // A few views still set style attributes; scripts are what the policy must hold to.
        csp.AddStyleSrc().Self().UnsafeInline();
    }
}
