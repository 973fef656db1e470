using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Areas.SupportUnit.DataImport;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The same operator's work on both engines gives the same portal: the real slice of OGP's export, imported with the
/// import command into an empty PostgreSQL portal and an empty SQLite portal, creates the same commitments, and the
/// public OGP-layout export (/data/ogp-commitments-export.csv) is the same file, byte for byte.
/// </summary>
public sealed class EngineParityTests
{
    [Fact]
    public async Task TheRealFile_ImportedOnBothEngines_GivesTheSameCommitments_AndTheSameOgpExport()
    {
        await using var postgres = EmptyPortalAppFactory.On(DatabaseProvider.PostgreSql);
        await using var sqlite = EmptyPortalAppFactory.On(DatabaseProvider.Sqlite);

        var (onPostgres, onSqlite) = (await ImportAsync(postgres), await ImportAsync(sqlite));

        onPostgres.Output.ShouldBe(onSqlite.Output, "the same report");
        onPostgres.Commitments.Count.ShouldBe(558);
        onPostgres.Commitments.ShouldBe(onSqlite.Commitments);
        var postgresExport = await ExportAsync(postgres);
        var sqliteExport = await ExportAsync(sqlite);
        postgresExport.Length.ShouldBeGreaterThan(100_000);
        if (!postgresExport.AsSpan().SequenceEqual(sqliteExport))
        {
            var (p, s) = (System.Text.Encoding.UTF8.GetString(postgresExport).Split('\n'), System.Text.Encoding.UTF8.GetString(sqliteExport).Split('\n'));
            var line = Enumerable.Range(0, Math.Min(p.Length, s.Length)).FirstOrDefault(i => p[i] != s[i]);
            Assert.Fail($"The exports differ ({p.Length} and {s.Length} lines), first at line {line + 1}:\nPostgreSQL: {p.ElementAtOrDefault(line)}\nSQLite:     {s.ElementAtOrDefault(line)}");
        }
    }

    private static async Task<(string Output, List<string> Commitments)> ImportAsync(EmptyPortalAppFactory factory)
    {
        _ = factory.Server; // started: migrated
        var folder = Directory.CreateTempSubdirectory("ogp-parity-");
        try
        {
            var file = Path.Combine(folder.FullName, "ogp-commitments-open-parliament-2024.csv");
            await File.WriteAllBytesAsync(file, OgpFiles.RealFile());
            using var output = new StringWriter();

            (await ImportCommand.RunAsync(factory.Services, [ImportCommand.Name, file], output, CancellationToken.None)).ShouldBe(0, output.ToString());

            // The report names the file's folder (different for each run) and how long it took: compared without them.
            var report = string.Join('\n', output.ToString().Replace(folder.FullName, "FOLDER", StringComparison.Ordinal)
                .Split('\n').Where(line => !line.StartsWith("Duration:", StringComparison.Ordinal)));
            var identifiers = await factory.WithDbAsync(db => db.Commitments.Select(c => c.ActionPlan.Member.DataCode + "|" + c.ActionPlan.Number + "|" + c.Identifier + "|" + c.Title).ToListAsync());
            return (report, identifiers.Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<byte[]> ExportAsync(EmptyPortalAppFactory factory)
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/data/ogp-commitments-export.csv", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
