using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>The embedded database is backed up while the portal runs, and the copy is whole and opens on its own.</summary>
public sealed class BackupTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_backup_taken_while_the_portal_serves_is_a_whole_database_with_the_same_records()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ogp-backup-{Guid.NewGuid():N}.db");
        try
        {
            using var visitor = factory.CreateClient();
            var reading = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => visitor.GetAsync(new Uri("/commitments", UriKind.Relative))));
            var output = new StringWriter();

            var code = await Commands.BackupAsync(factory.Services, [Commands.Backup, path], output, CancellationToken.None);
            await reading;

            Assert.Equal(0, code);
            Assert.Contains("Backed up to", output.ToString(), StringComparison.Ordinal);
            var live = await factory.WithDbAsync(db => db.Commitments.CountAsync());
            await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
            Assert.Equal((long)live, await ScalarAsync(copy, "SELECT COUNT(*) FROM Commitments"));
            Assert.True((long)(await ScalarAsync(copy, "SELECT COUNT(*) FROM __EFMigrationsHistory"))! > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_says_how_to_call_it()
    {
        var existing = Path.GetTempFileName();
        try
        {
            var output = new StringWriter();

            Assert.Equal(1, await Commands.BackupAsync(factory.Services, [Commands.Backup, existing], output, CancellationToken.None));
            Assert.Contains("exists already", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await Commands.BackupAsync(factory.Services, [Commands.Backup], output, CancellationToken.None));
            Assert.Equal(0, new FileInfo(existing).Length);
        }
        finally
        {
            File.Delete(existing);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
