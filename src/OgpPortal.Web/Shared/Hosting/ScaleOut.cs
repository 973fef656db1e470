using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OgpPortal.Infrastructure.Persistence;
using StackExchange.Redis;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// What several instances behind a load balancer share besides the database (docs/deployment.md): when
/// <c>ConnectionStrings:Redis</c> is set, the output cache of public pages and the rate limits live in
/// Redis, so one instance's change evicts every instance's pages and a client's limit counts across them.
/// Without it both are per instance, which is right for one instance. Data-protection keys (cookies,
/// antiforgery tokens) are in the database either way.
/// </summary>
public static class ScaleOut
{
    public const string RedisConnectionName = "Redis";

    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(RedisConnectionName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var connection = new RedisConnection(redis);
            services.AddSingleton(_ => connection);
            services.AddStackExchangeRedisOutputCache(options =>
            {
                options.InstanceName = "ogp:";
                options.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer);
            });
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        }

        services.AddSingleton<PublicPageGeneration>();
        services.AddSingleton<PublicPageCache>();
        services.AddSingleton<IContentChangeListener>(sp => sp.GetRequiredService<PublicPageCache>());
        services.AddSingleton<PublicPagePolicy>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicPagePolicy>((options, policy) => options.AddPolicy(PublicPageCache.Policy, policy));
        return services;
    }
}

/// <summary>
/// The one connection to Redis, opened at first use. It does not fail when Redis is down at start: it
/// keeps reconnecting, and until then the calls that need it fail (and are logged) instead of the start.
/// </summary>
public sealed class RedisConnection(string configuration) : IDisposable
{
    private readonly Lazy<IConnectionMultiplexer> _multiplexer = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    });

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}

/// <summary>The load balancer's <c>/health</c> includes Redis when the portal uses it.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer", e);
        }
    }
}
