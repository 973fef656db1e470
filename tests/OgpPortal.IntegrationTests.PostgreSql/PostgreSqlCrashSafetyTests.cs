using System.Diagnostics;
using System.Text;
using Npgsql;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// A crash in the middle of a large change loses nothing and half-saves nothing on PostgreSQL either: the portal's
/// import command runs as a process of its own over the portal's database and is killed (SIGKILL, no chance to clean
/// up) while its transaction is writing commitments. PostgreSQL rolls the transaction back: every table is as before.
/// </summary>
public sealed class PostgreSqlCrashSafetyTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task An_import_killed_while_it_writes_leaves_the_database_as_it_was()
    {
        _ = factory.Server;
        await factory.OutboxDeliveredAsync(); // the running portal has nothing left to write
        var work = Directory.CreateTempSubdirectory("ogp-pgcrash-");
        try
        {
            var file = Path.Combine(work.FullName, "large.csv");
            await File.WriteAllBytesAsync(file, OgpFiles.Small([.. Enumerable.Range(1, 2_700).Select(i => OgpFiles.Row(i, $"Crash commitment {i}", code: "CRS", fullText: new string('x', 19_000)))]));
            var before = await AccessMatrix.FingerprintAsync(factory.Database);

            using var import = StartImport(factory.Database.ConnectionString, file, work.FullName);
            var output = new StringBuilder();
            import.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
            import.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
            import.BeginOutputReadLine();
            import.BeginErrorReadLine();

            // Killed once the import's transaction has written commitments it has not committed.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            var written = false;
            while (!import.HasExited && DateTime.UtcNow < deadline && !(written = await WritingCommitmentsAsync(factory.Database.ConnectionString)))
            {
                await Task.Delay(10);
            }

            Assert.False(import.HasExited, $"The import ended before it could be killed:\n{output}");
            Assert.True(written, $"The import wrote no commitment in three minutes:\n{output}");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            Assert.DoesNotContain("Saved.", output.ToString(), StringComparison.Ordinal);
            var after = await AccessMatrix.FingerprintAsync(factory.Database);
            var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
            Assert.True(changed.Count == 0, $"The killed import changed: {string.Join(", ", changed)}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Whether another session is inside a transaction that inserts commitments (seen from outside it).</summary>
    private static async Task<bool> WritingCommitmentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query LIKE '%INSERT INTO "Commitments"%'""",
            connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The operators' command (<c>dotnet OgpPortal.Web.dll import file</c>), as they run it, over the portal's database.</summary>
    private static Process StartImport(string connectionString, string file, string logDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OgpPortal.Web.dll"));
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(file);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(logDirectory, "import-.log");
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the import command.");
    }
}
