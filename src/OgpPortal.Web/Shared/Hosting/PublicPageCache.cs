using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// The output cache of the public's read-only pages (home, members, member, plan, commitment, statistics;
/// docs/decisions/0015-output-cache.md). A page is stored and served from the cache only for anonymous GET
/// and HEAD requests answered 200 without a cookie, per address (query included) and language, and all of
/// them are evicted the moment a change to public records is committed (<see cref="IContentChangeListener"/>).
/// In memory per instance by default; in Redis when <c>ConnectionStrings:Redis</c> is set, so that one
/// instance's change evicts every instance's pages.
/// </summary>
public sealed partial class PublicPageCache(IOutputCacheStore store, PublicPageGeneration generation, DatabaseSettings database, ILogger<PublicPageCache> logger) : IContentChangeListener
{
    public const string Policy = "public-page";

    public const string Tag = "public-pages";

    internal const string DoNotStoreKey = "ogp.cache-do-not-store";

    /// <summary>
    /// Keeps this response out of the cache: an address that is not the page's own form of what it shows (options
    /// left out, another order), so that no number of odd addresses can fill the cache.
    /// </summary>
    public static void DoNotStore(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[DoNotStoreKey] = true;
    }

    /// <summary>The longest a page is kept; changes evict it long before.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A page that was being rendered from the old data when the change was committed could be stored just
    /// after the eviction; a second eviction this much later removes it, on every instance.
    /// </summary>
    public static readonly TimeSpan SecondEviction = TimeSpan.FromSeconds(2);

    /// <summary>
    /// With a standby, a page rendered from it may show data as old as <see cref="DatabaseSettings.StandbyMaxStaleness"/>
    /// before the change: the second eviction waits that much longer.
    /// </summary>
    private readonly TimeSpan _secondEviction = database.ReadOnlyConnectionString is null ? SecondEviction : SecondEviction + database.StandbyMaxStaleness;

    private int _pendingSecondEvictions;

    public async ValueTask ContentChangedAsync(CancellationToken cancellationToken)
    {
        generation.Advance();
        await EvictAsync(cancellationToken);
        Interlocked.Increment(ref _pendingSecondEvictions);
        _ = EvictAgainAsync();
    }

    /// <summary>Waits until no second eviction is pending (tests that count cache hits).</summary>
    internal async Task SettledAsync()
    {
        while (Volatile.Read(ref _pendingSecondEvictions) > 0)
        {
            await Task.Delay(50);
        }
    }

    private async Task EvictAgainAsync()
    {
        try
        {
            await Task.Delay(_secondEviction);
            await EvictAsync(CancellationToken.None);
        }
        finally
        {
            Interlocked.Decrement(ref _pendingSecondEvictions);
        }
    }

    private async ValueTask EvictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EvictByTagAsync(Tag, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; the pages expire after their lifetime at the latest.
            LogEvictionFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "The cached public pages could not be evicted after a change; they expire by themselves")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception);
}

/// <summary>Counts this instance's evictions: a page whose rendering began before the last one is not stored.</summary>
public sealed class PublicPageGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    internal void Advance() => Interlocked.Increment(ref _value);
}

/// <summary>The rules of <see cref="PublicPageCache"/>, applied to the actions marked <c>[OutputCache(PolicyName = PublicPageCache.Policy)]</c>.</summary>
internal sealed class PublicPagePolicy(PublicPageGeneration generation, IOptions<PortalOptions> options) : IOutputCachePolicy
{
    private const string GenerationKey = "ogp.cache-generation";

    /// <summary>The cookie that carries a flash message to the next page: that page is personal.</summary>
    private static readonly string FlashCookie = CookieTempDataProvider.CookieName;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = options.Value.CachePublicPages
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Cookies.ContainsKey(FlashCookie);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicPageCache.Lifetime;
        context.Tags.Add(PublicPageCache.Tag);

        // Every query key makes its own page (a custom policy starts without the default policy's rule).
        context.CacheVaryByRules.QueryKeys = "*";

        // The page's language comes from the culture cookie, the query or Accept-Language (ADR 0009).
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        http.Items[GenerationKey] = generation.Value;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || http.Items.ContainsKey(PublicPageCache.DoNotStoreKey)
            || !Equals(http.Items[GenerationKey], generation.Value))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
