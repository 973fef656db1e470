using Microsoft.AspNetCore.Mvc.Controllers;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Web.Shared.Authorization;

/// <summary>
/// Support Unit staff must sign in with two factors. Until a staff account has set up its authenticator
/// app, every page but the account pages (pages, not files) sends it to the set-up page, and every other
/// form post is refused with 403. The policies refuse it too (staff act as staff only with the claim),
/// so no screen depends on this middleware alone.
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
                && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && !context.Request.Path.StartsWithSegments("/account")
                && !context.Request.Path.StartsWithSegments("/error"))
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(SetupPath);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }

            await next(context);
        });
}
