using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using Serilog.Core;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// With Redis configured but unreachable (nothing listens on its port), the public still gets its pages,
/// rendered from the database, and the load balancer's health check says Redis is down.
/// </summary>
public sealed class UnreachableRedisTests(UnreachableRedisTests.Factory factory) : IClassFixture<UnreachableRedisTests.Factory>
{
    [Fact]
    public async Task Public_pages_are_served_uncached_and_health_reports_Redis_down()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        using var first = await visitor.GetAsync(new Uri("/members/NO", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri("/members/NO", UriKind.Relative));
        using var health = await visitor.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Norway", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(factory.Log.Events, e => e.MessageTemplate.Text.StartsWith("Redis is unreachable", StringComparison.Ordinal));
    }

    public sealed class Factory : PortalAppFactory
    {
        public MailOutboxTests.CollectedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));

            // Port 9 (discard) on loopback: nothing listens, so every Redis call fails at once.
            builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:9,connectTimeout=500,connectRetry=0");
        }
    }
}
