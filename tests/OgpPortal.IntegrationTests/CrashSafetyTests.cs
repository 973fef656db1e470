using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// A crash in the middle of a large change loses nothing and half-saves nothing (issue 9): the portal's import
/// command runs as a process of its own over a copy of the database, and is killed (SIGKILL, no chance to
/// clean up) while SQLite is writing its transaction. The database afterwards is the one from before, whole.
/// </summary>
public sealed class CrashSafetyTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    /// <summary>Killed once the write-ahead log holds this much of the unfinished transaction.</summary>
    private const long WrittenBeforeTheKill = 8 * 1024 * 1024;

    [Fact]
    public async Task An_import_killed_while_it_writes_leaves_the_database_as_it_was()
    {
        var work = Directory.CreateTempSubdirectory("ogp-crash-");
        try
        {
            var database = Path.Combine(work.FullName, "portal.db");
            Assert.Equal(0, await Commands.BackupAsync(factory.Services, [Commands.Backup, database], TextWriter.Null, CancellationToken.None));
            var text = new string('x', 19_000);
            var file = Path.Combine(work.FullName, "large.csv");
            await File.WriteAllBytesAsync(file, OgpFiles.Small([.. Enumerable.Range(1, 2_700).Select(i => OgpFiles.Row(i, $"Crash commitment {i}", code: "CRS", fullText: text))]));
            var before = await AccessMatrix.FingerprintAsync(database);

            using var import = StartImport(database, file, work.FullName);
            var output = new StringBuilder();
            import.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
            import.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
            import.BeginOutputReadLine();
            import.BeginErrorReadLine();

            var wal = new FileInfo(database + "-wal");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!import.HasExited && DateTime.UtcNow < deadline && (!wal.Exists || wal.Length < WrittenBeforeTheKill))
            {
                await Task.Delay(10);
                wal.Refresh();
            }

            Assert.False(import.HasExited, $"The import ended before it could be killed:\n{output}");
            Assert.True(wal.Length >= WrittenBeforeTheKill, $"The import wrote only {wal.Length} bytes in three minutes:\n{output}");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            Assert.DoesNotContain("Saved.", output.ToString(), StringComparison.Ordinal);
            var after = await AccessMatrix.FingerprintAsync(database);
            var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
            Assert.True(changed.Count == 0, $"The killed import changed: {string.Join(", ", changed)}");
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>The operators' command (<c>dotnet OgpPortal.Web.dll import file</c>), as they run it, over the copy.</summary>
    private static Process StartImport(string database, string file, string logDirectory)
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
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(logDirectory, "import-.log");
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the import command.");
    }
}
