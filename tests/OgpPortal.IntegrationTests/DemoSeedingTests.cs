using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed class DemoSeedingTests
{
    [Fact]
    public async Task DemoSeeding_ThatFailsHalfway_LeavesNothingBehind()
    {
        using var factory = new WeakDemoPasswordFactory();

        var error = Should.Throw<InvalidOperationException>(() => factory.CreateClient());

        error.Message.ShouldContain("Could not create demo account");
        await using var db = TestDbContexts.Open(factory.Database);
        (await db.Members.CountAsync()).ShouldBe(0, "members and plans are rolled back with the accounts");
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    /// <summary>Development with a demo password that Identity's rules refuse.</summary>
    private sealed class WeakDemoPasswordFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:DemoPassword", "short");
        }
    }
}
