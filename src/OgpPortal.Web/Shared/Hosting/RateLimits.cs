using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// Limits per client address, each a fixed number in a window: what anyone may send without an account
/// (consultation comments, follow requests), sign-in attempts (password, two-factor and recovery codes,
/// password reset, invitations), and API calls. Beyond a limit the portal answers 429 with a
/// <c>Retry-After</c> header and a page (or problem details) saying to wait. The counts are per instance,
/// or shared by all instances in Redis when the portal uses it (<see cref="ScaleOut"/>).
/// </summary>
public static class RateLimits
{
    public const string PublicInput = "public-input";

    /// <summary>Configuration key of the number of public submissions allowed per address in <see cref="Window"/>.</summary>
    public const string PermitLimitKey = "Portal:PublicInputPerWindow";

    public const string SignIn = "sign-in";

    /// <summary>Configuration key of the number of sign-in attempts allowed per address in <see cref="SignInWindow"/>.</summary>
    public const string SignInLimitKey = "Portal:SignInPerWindow";

    public const string Api = "api";

    /// <summary>Configuration key of the number of API calls allowed per address in a minute.</summary>
    public const string ApiLimitKey = "Portal:ApiPerMinute";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitLimitKey, 10);
        var signIns = configuration.GetValue(SignInLimitKey, 20);
        var calls = configuration.GetValue(ApiLimitKey, 300);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                SecurityLog.RateLimited(context.HttpContext);
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PublicInput, context => PerAddress(context, PublicInput, permits, Window));
            options.AddPolicy(SignIn, context => PerAddress(context, SignIn, signIns, SignInWindow));
            options.AddPolicy(Api, context => PerAddress(context, Api, calls, TimeSpan.FromMinutes(1)));
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, int permits, TimeSpan window)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.RequestServices.GetService<RedisConnection>() is { } redis)
        {
            // One Redis key per limit and address, shared by every instance.
            return RedisRateLimitPartition.GetFixedWindowRateLimiter(
                $"ogp:limit:{policy}:{address}",
                _ => new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => redis.Multiplexer, PermitLimit = permits, Window = window });
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}
