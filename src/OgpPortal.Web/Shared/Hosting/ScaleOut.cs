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
            FailSoftOutputCacheStore.Decorate(services);
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

/// <summary>
/// The Redis store of the output cache, except that Redis being unreachable makes a page uncached (read
/// from the database and rendered) instead of an error: a lookup is a miss, a store or an eviction is
/// skipped and logged. Evictions that could not reach Redis leave pages that expire by themselves.
/// </summary>
internal sealed partial class FailSoftOutputCacheStore(IOutputCacheStore redis, ILogger<FailSoftOutputCacheStore> logger) : IOutputCacheStore
{
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(original);
        services.AddSingleton<IOutputCacheStore>(sp => new FailSoftOutputCacheStore(
            original.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? original.ImplementationInstance as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
            sp.GetRequiredService<ILogger<FailSoftOutputCacheStore>>()));
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetAsync(key, cancellationToken);
        }
        catch (RedisException e)
        {
            LogUnavailable(logger, "read", e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (RedisException e)
        {
            LogUnavailable(logger, "store", e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (RedisException e)
        {
            LogUnavailable(logger, "evict", e);
        }
    }

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Redis is unreachable: could not {Operation} a cached page; the page is served uncached")]
    private static partial void LogUnavailable(ILogger logger, string operation, Exception exception);
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
