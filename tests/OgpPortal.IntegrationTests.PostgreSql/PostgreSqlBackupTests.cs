using Npgsql;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// On PostgreSQL the portal's backup command points to pg_dump, and a pg_dump taken while the portal serves, restored
/// with pg_restore into an empty database, is a portal of its own with the same records (docs/operations.md).
/// </summary>
public sealed class PostgreSqlBackupTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task TheBackupCommand_SaysToUsePgDump_AndWritesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ogp-backup-{Guid.NewGuid():N}.db");
        var output = new StringWriter();

        var code = await Commands.BackupAsync(factory.Services, [Commands.Backup, path], output, CancellationToken.None);

        code.ShouldBe(1);
        output.ToString().ShouldContain("The portal runs on PostgreSQL: back it up with pg_dump");
        output.ToString().ShouldContain("pg_restore");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task APgDumpTakenWhileThePortalServes_RestoresIntoAPortalWithTheSameRecords()
    {
        var work = Directory.CreateTempSubdirectory("ogp-pgdump-");
        PostgreSqlTestServer.GiveToServerUser(work.FullName);
        var dump = Path.Combine(work.FullName, "portal.dump");
        using var restored = new PostgreSqlTestDatabase(Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var visitor = factory.CreateClient();
            var reading = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => visitor.GetAsync(new Uri("/commitments", UriKind.Relative))));
            PostgreSqlTestServer.Run("pg_dump", "--format=custom", $"--file={dump}", $"--dbname={ConnInfo(factory.Database.ConnectionString)}");
            await reading;

            PostgreSqlTestServer.Run("pg_restore", "--no-owner", "--exit-on-error", $"--dbname={ConnInfo(restored.ConnectionString)}", dump);

            (await AccessMatrix.FingerprintAsync(restored)).ShouldBe(await AccessMatrix.FingerprintAsync(factory.Database));
            using var portal = new RestoredPortal(restored);
            var page = await portal.CreateBrowserlikeClient().GetDocumentAsync("/commitments?q=børn");
            CommitmentSearchTests.Identifiers(page).ShouldBe(["DK0050"], "the restored search index answers");
            using var staff = await portal.SignedInClientAsync(Infrastructure.Seeding.DemoAccounts.PocNorway);
            (await staff.GetDocumentAsync("/poc")).QuerySelector("h1").ShouldNotBeNull("the restored accounts sign in");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>libpq's form of an Npgsql connection string, for the command-line tools.</summary>
    private static string ConnInfo(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var info = $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}";
        return builder.Password is { Length: > 0 } password ? $"{info} password={password}" : info;
    }

    /// <summary>A portal over the restored database, which the test removes.</summary>
    private sealed class RestoredPortal(TestDatabase restored) : PortalAppFactory(restored);
}
