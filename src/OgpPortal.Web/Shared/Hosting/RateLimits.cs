using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// Limits on what anyone may send without an account (consultation comments, follow requests): a fixed
/// number per client address in ten minutes. Beyond it the portal answers 429 with a page saying to wait.
/// </summary>
public static class RateLimits
{
    public const string PublicInput = "public-input";

    /// <summary>Configuration key of the number of public submissions allowed per address in <see cref="Window"/>.</summary>
    public const string PermitLimitKey = "Portal:PublicInputPerWindow";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitLimitKey, 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicInput, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
        });
    }
}
