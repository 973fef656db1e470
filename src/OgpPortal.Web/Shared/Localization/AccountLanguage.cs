using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// Keeps a signed-in person's language (<see cref="ApplicationUser.Language"/>, the one the portal's e-mails
/// to them are written in) as the one they use the portal in: the language switcher, the browser's language or
/// the culture cookie. The account is read on every request anyway (its claims carry the language), so this
/// writes only when the language changes. Failing to write never fails the page: the mail language is a
/// convenience, and the next request tries again.
/// </summary>
public static partial class AccountLanguage
{
    public static IApplicationBuilder UseAccountLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var language = PortalCultures.Current;
        if (user.Identity?.IsAuthenticated == true
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            && user.FindFirstValue(PortalClaims.Language) != language)
        {
            try
            {
                await context.RequestServices.GetRequiredService<PortalDbContext>().Users
                    .Where(u => u.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                NotKept(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountLanguage)), e, language, id);
            }
        }

        await next();
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the language {Language} of account {UserId}")]
    private static partial void NotKept(ILogger logger, Exception exception, string language, string userId);
}
