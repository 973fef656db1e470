using Microsoft.AspNetCore.Mvc.Controllers;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>
/// Support Unit staff must sign in with two factors. Until a staff account has set up its authenticator
/// app, every page but the account pages (pages, not files) sends it to the set-up page (the Support Unit policy refuses it
/// too, so no screen depends on this redirect alone).
/// </summary>
public static class TwoFactorEnforcement
{
    public const string SetupPath = "/account/two-factor/setup";

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && user.IsInRole(PortalRoles.SupportUnit)
                && !user.HasClaim(PortalClaims.TwoFactor, "true")
                && HttpMethods.IsGet(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && !context.Request.Path.StartsWithSegments("/account")
                && !context.Request.Path.StartsWithSegments("/error"))
            {
                context.Response.Redirect(SetupPath);
                return;
            }

            await next(context);
        });
}
