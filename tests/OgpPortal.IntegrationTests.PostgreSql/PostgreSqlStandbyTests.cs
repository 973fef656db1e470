using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Read scaling with PostgreSQL's own streaming replication: a primary and a hot standby made from it with
/// <c>pg_basebackup -R</c>, the portal given both (<c>ConnectionStrings:PortalReadOnly</c>). The test pauses the
/// standby's replay to see which database answered: the public's search and API read the standby while it is current;
/// a signed-in visitor reads the primary; a standby that falls behind or goes away is left out until it is current.
/// The monitor's own loop is slowed to a day here, so the test decides when it checks.
/// </summary>
public sealed class PostgreSqlStandbyTests(PostgreSqlStandbyTests.PrimaryAndStandbyFactory factory) : IClassFixture<PostgreSqlStandbyTests.PrimaryAndStandbyFactory>
{
    private const string Word = "zephyrstandby";

    [Fact]
    public async Task PublicReads_GoToTheCurrentStandby_SignedInReadsThePrimary_AndABehindOrStoppedStandbyIsLeftOut()
    {
        var monitor = factory.Services.GetRequiredService<StandbyMonitor>();
        using var visitor = factory.CreateBrowserlikeClient();
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        await CurrentAsync(monitor);

        // The standby stops replaying (a requested pause holds back the next record, even while the state still
        // reads "pause requested"); a published commitment's title changes on the primary.
        await OnStandbyAsync("select pg_wal_replay_pause()");
        var identifier = await factory.WithDbAsync(async db =>
        {
            // Published text is not editable through the domain; the test changes the row itself.
            var commitment = await db.Commitments.OrderBy(c => c.Id).FirstAsync(c => c.ActionPlan.Status == ActionPlanStatus.Published);
            await db.Commitments.Where(c => c.Id == commitment.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Title, c => c.Title + " " + Word));
            return commitment.Identifier;
        });

        try
        {
            // Before the monitor looks again, the public reads the standby, which has not seen the change.
            (await SearchAsync(visitor)).ShouldBe(0, "the anonymous search was answered by the paused standby");
            (await ApiTotalAsync(visitor)).ShouldBe(0, "the API was answered by the paused standby");
            (await SearchAsync(staff)).ShouldBe(1, "a signed-in visitor reads the primary");

            // Behind the primary by more than one interval: the public reads the primary.
            await monitor.CheckAsync(CancellationToken.None);
            await monitor.CheckAsync(CancellationToken.None);
            monitor.IsCurrent.ShouldBeFalse();
            (await SearchAsync(visitor)).ShouldBe(1);
            (await ApiTotalAsync(visitor)).ShouldBe(1);
        }
        finally
        {
            await OnStandbyAsync("select pg_wal_replay_resume()");
        }

        // Replayed and current again: the public reads the standby, which now has the change.
        await CurrentAsync(monitor);
        (await SearchAsync(visitor)).ShouldBe(1, "the published change reached the standby");
        var found = await OpenDataTests.GetJsonAsync(visitor, $"/api/v1/commitments?q={Word}");
        found.GetProperty("items")[0].GetProperty("identifier").GetString().ShouldBe(identifier);

        // The standby goes away: one look later the public reads the primary, and no visitor sees an error.
        factory.Standby.StopServer();
        try
        {
            await monitor.CheckAsync(CancellationToken.None);
            monitor.IsCurrent.ShouldBeFalse();
            (await SearchAsync(visitor)).ShouldBe(1);
            (await ApiTotalAsync(visitor)).ShouldBe(1);

            // It comes back behind (it holds back what the primary committed meanwhile): it is not current, though it
            // has replayed more than at the last check that passed.
            await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Title, c => c.Title + " later")));
            factory.Standby.StartServer("-c recovery_min_apply_delay=1h");
            await monitor.CheckAsync(CancellationToken.None);
            await monitor.CheckAsync(CancellationToken.None);
            monitor.IsCurrent.ShouldBeFalse("a standby that came back behind the primary is not current");
            factory.Standby.StopServer();
        }
        finally
        {
            factory.Standby.StartServer();
        }

        await CurrentAsync(monitor);
    }

    [Fact]
    public async Task TheStandbyRefusesToSave_SoAWriteRoutedToItIsAnError_NotALostChange()
    {
        await CurrentAsync(factory.Services.GetRequiredService<StandbyMonitor>());
        await using var scope = factory.Services.CreateAsyncScope();
        var standby = scope.ServiceProvider.GetRequiredService<PostgreSqlStandbyDbContext>();
        var member = await standby.Members.OrderBy(m => m.Id).FirstAsync();
        member.Name = "Changed on the standby";

        (await Should.ThrowAsync<InvalidOperationException>(() => standby.SaveChangesAsync())).Message.ShouldContain("read-only");
    }

    private static async Task<int> SearchAsync(HttpClient client) =>
        CommitmentSearchTests.Total(await client.GetDocumentAsync($"/commitments?q={Word}"));

    private static async Task<int> ApiTotalAsync(HttpClient client) =>
        (await OpenDataTests.GetJsonAsync(client, $"/api/v1/commitments?q={Word}")).GetProperty("totalCount").GetInt32();

    /// <summary>Checks until the standby has caught up (after start-up's writes, or a pause), within half a minute.</summary>
    private static async Task CurrentAsync(StandbyMonitor monitor)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await monitor.CheckAsync(CancellationToken.None);
            if (monitor.IsCurrent)
            {
                return;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);

        monitor.IsCurrent.ShouldBeTrue("the standby should catch up with the primary within half a minute");
    }

    private async Task OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.StandbyConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The demo portal on a primary cluster of its own and a hot standby streaming from it.</summary>
    public sealed class PrimaryAndStandbyFactory : PortalAppFactory
    {
        private static readonly Lazy<PostgreSqlCluster> OwnPrimary = new(() => new PostgreSqlCluster());
        private readonly Lazy<PostgreSqlCluster> _standby = new(() => PostgreSqlCluster.StandbyOf(OwnPrimary.Value));

        public PrimaryAndStandbyFactory()
            : base(id => new PostgreSqlTestDatabase(id, OwnPrimary.Value))
        {
        }

        public PostgreSqlCluster Standby => _standby.Value;

        public string StandbyConnectionString => Standby.ConnectionString(((PostgreSqlTestDatabase)Database).Name);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"ConnectionStrings:{DatabaseSettings.ReadOnlyConnectionStringName}", StandbyConnectionString);
            builder.UseSetting(DatabaseSettings.StandbyMaxLagKey, "86400");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                if (_standby.IsValueCreated)
                {
                    _standby.Value.Dispose();
                }

                if (OwnPrimary.IsValueCreated)
                {
                    OwnPrimary.Value.Dispose();
                }
            }
        }
    }
}

/// <summary>A standby that cannot be reached at all (its name does not resolve): the portal starts and serves the public from the primary.</summary>
public sealed class PostgreSqlUnreachableStandbyTests(PostgreSqlUnreachableStandbyTests.NoSuchStandbyFactory factory) : IClassFixture<PostgreSqlUnreachableStandbyTests.NoSuchStandbyFactory>
{
    [Fact]
    public async Task AStandbyWhoseNameDoesNotResolve_IsLeftOut_AndThePublicReadsThePrimary()
    {
        var monitor = factory.Services.GetRequiredService<StandbyMonitor>();
        using var visitor = factory.CreateBrowserlikeClient();

        await monitor.CheckAsync(CancellationToken.None);

        monitor.IsCurrent.ShouldBeFalse();
        CommitmentSearchTests.Total(await visitor.GetDocumentAsync("/commitments")).ShouldBeGreaterThan(0);
        (await OpenDataTests.GetJsonAsync(visitor, "/api/v1/members")).GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(0);
    }

    public sealed class NoSuchStandbyFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"ConnectionStrings:{DatabaseSettings.ReadOnlyConnectionStringName}", "Host=standby.invalid;Database=ogp_portal;Username=postgres");
        }
    }
}
