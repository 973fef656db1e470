using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// The security events (ASVS V16): failed and locked-out sign-ins, refused requests (403), rate-limited
/// requests (429) and changes to accounts (roles, deactivation, two-factor resets), each with the account's
/// id and the client's address, under one category so operations can route them. Never a password, code,
/// token or e-mail address: an account is named by its id only.
/// </summary>
public sealed partial class SecurityLog(ILoggerFactory loggers, IHttpContextAccessor http)
{
    /// <summary>The log category of every security event; each is a warning, so it is kept at the production level.</summary>
    public const string Category = "OgpPortal.Security";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void SignInFailed(string? userId) => LogSignInFailed(_logger, userId ?? "(no such account)", ClientAddress(http.HttpContext));

    public void LockedOut(string userId) => LogLockedOut(_logger, userId, ClientAddress(http.HttpContext));

    public void SecondFactorFailed(string userId, string factor) => LogSecondFactorFailed(_logger, factor, userId, ClientAddress(http.HttpContext));

    /// <summary>A change a Support Unit member made to someone's account.</summary>
    public void AccountChanged(string userId, string change) => LogAccountChanged(_logger, change, userId, ActingUser(http.HttpContext), ClientAddress(http.HttpContext));

    /// <summary>Logs every 403 the portal answers, with who asked for what.</summary>
    public static IApplicationBuilder UseForbiddenLogging(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);

        // Once per refusal: not again when the status-code page re-executes the pipeline to show it.
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.RequestServices.GetRequiredService<SecurityLog>().Forbidden(context);
        }
    });

    /// <summary>For the rate limiter's rejection callback.</summary>
    public static void RateLimited(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequestServices.GetRequiredService<SecurityLog>().Limited(context);
    }

    private void Forbidden(HttpContext context) =>
        LogForbidden(_logger, context.Request.Method, context.Request.Path, ActingUser(context), ClientAddress(context));

    private void Limited(HttpContext context) =>
        LogRateLimited(_logger, context.Request.Method, context.Request.Path, ClientAddress(context));

    private static string ClientAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string ActingUser(HttpContext? context) => context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Security: sign-in failed for account {UserId} from {ClientAddress}")]
    private static partial void LogSignInFailed(ILogger logger, string userId, string clientAddress);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Security: account {UserId} locked out after failed sign-ins, last from {ClientAddress}")]
    private static partial void LogLockedOut(ILogger logger, string userId, string clientAddress);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Security: wrong {Factor} for account {UserId} from {ClientAddress}")]
    private static partial void LogSecondFactorFailed(ILogger logger, string factor, string userId, string clientAddress);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Security: 403 for {Method} {Path} to {UserId} from {ClientAddress}")]
    private static partial void LogForbidden(ILogger logger, string method, string path, string userId, string clientAddress);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Security: 429 for {Method} {Path} from {ClientAddress}")]
    private static partial void LogRateLimited(ILogger logger, string method, string path, string clientAddress);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Security: {Change} for account {UserId} by {ActingUserId} from {ClientAddress}")]
    private static partial void LogAccountChanged(ILogger logger, string change, string userId, string actingUserId, string clientAddress);
}
