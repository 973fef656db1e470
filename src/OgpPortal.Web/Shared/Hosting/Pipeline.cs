using Microsoft.AspNetCore.Routing;
using OgpPortal.Web.Api;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Localization;
using Serilog;

namespace OgpPortal.Web.Shared.Hosting;

public static class Pipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseApiProblems();
        app.UseSerilogRequestLogging();
        app.UseNulRefusal();
        app.UseClientDisconnects();
        app.UseRequestLocalization();
        app.UseDatabaseOutagePage();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        SecurityLog.UseForbiddenLogging(app);
        app.UseTwoFactorEnforcement();
        app.UseAccountLanguage();
        app.UseAuthorization();
        app.UseStandbyReads();

        // After authentication, so a signed-in visitor's request is never answered from or stored in it.
        app.UseOutputCache();

        // The files of wwwroot are served straight from routing, before authentication: a signed-in
        // visitor's stylesheet does not read the account again (ADR 0006), which cost a third of the
        // throughput; the security headers, set earlier, still apply.
        app.MapStaticAssets().ShortCircuit();
        app.MapControllers().WithStaticAssets();
        // Load balancers read it; it answers GET and HEAD only, like every other endpoint that changes nothing.
        app.MapHealthChecks("/health").WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        app.MapOpenData();
        return app;
    }
}
