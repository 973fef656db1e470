using Microsoft.AspNetCore.Hosting;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>
/// Two instances of the portal over one database, as behind a load balancer (issue 10): the first creates
/// the database, the second opens it. Their import runners look for work every 200 ms.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    public TwoInstances()
    {
        First = new InstanceFactory();
        _ = First.Server; // migrated and seeded before the second instance opens the database
        Second = new InstanceFactory(First.Database);
        _ = Second.Server;
    }

    public PortalAppFactory First { get; }

    public PortalAppFactory Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }

    /// <summary>An instance over its own database, or over another instance's.</summary>
    private sealed class InstanceFactory : PortalAppFactory
    {
        public InstanceFactory()
        {
        }

        public InstanceFactory(TestDatabase shared)
            : base(shared)
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataImport:PollInterval", "00:00:00.200");
            builder.UseSetting("DataImport:ProgressInterval", "00:00:00.100");
        }
    }
}
