using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// When the database is unavailable (locked past the busy timeout, unreachable): every page answers 503
/// with <c>Retry-After</c> and a friendly page, <c>/health</c> says Unhealthy, and the next request after the
/// database is back is served as usual (nothing is cached in a broken state).
/// </summary>
public static partial class DatabaseOutage
{
    public const int RetryAfterSeconds = 30;
    public const string UnavailableView = "/Areas/Public/Errors/Unavailable.cshtml";

    /// <summary>How long the health check's query may wait for a lock; the check as a whole is cut off later.</summary>
    private static readonly TimeSpan HealthQueryTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>/health</c> reads a table with a short timeout, so a locked database counts as down, not only one
    /// that refuses connections.
    /// </summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>(
            "database",
            customTestQuery: async (db, cancellationToken) =>
            {
                db.Database.SetCommandTimeout(HealthQueryTimeout);
                _ = await db.Roles.AnyAsync(cancellationToken);
                return true;
            });
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                registration.Timeout = HealthCheckTimeout;
            }
        });
        return services;
    }

    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception) && !context.Response.HasStarted)
            {
                LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage)), exception, context.Request.Method, context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.Request.Path.StartsWithSegments(Api.ApiProblems.PathPrefix))
                {
                    return; // the API's problem details are written on the way out
                }

                // Rendered here rather than by re-executing /error/503: that would sign the visitor in again,
                // which reads the database.
                var page = new ViewResult { ViewName = UnavailableView, StatusCode = StatusCodes.Status503ServiceUnavailable };
                await page.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; {Method} {Path} answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);
}
