using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// Fills the configured database with synthetic data for benchmarks, run instead of the web server:
/// <c>dotnet OgpPortal.Web.dll generate [--scale 1.0] [--seed 2026]</c> (<see cref="ScaleDataGenerator"/>;
/// bench/README.md), on SQLite or PostgreSQL. The database is migrated first, as at start-up. Exit code 0 when
/// done, 1 when refused or failed (nothing saved), 2 on wrong usage.
/// </summary>
public static class GenerateCommand
{
    public const string Name = "generate";
    public const string Usage = $"Usage: {Name} [--scale 1.0] [--seed 2026]  (synthetic scale data for benchmarks; scale above 0 and at most 10; SQLite or PostgreSQL; into an empty database or the demo data)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (!TryParse(args, out var scale, out var seed))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        ScaleDataReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<ScaleDataGenerator>().GenerateAsync(scale, seed, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync($"Refused: {e.Message}");
            await output.WriteLineAsync("Nothing was saved.");
            return 1;
        }

        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(culture, $"Generated scale data (seed {report.Seed}, scale {report.Scale}) in {report.Duration.TotalSeconds:0.0} s: {report.Total:N0} rows."));
        foreach (var (table, rows) in report.Rows)
        {
            await output.WriteLineAsync(string.Create(culture, $"  {table,-24} {rows,9:N0}"));
        }

        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is { Length: > 0 } file && File.Exists(file))
        {
            await output.WriteLineAsync(string.Create(culture, $"Database {file}: {new FileInfo(file).Length / (1024.0 * 1024.0):N1} MB."));
        }
        else if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            var database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database;
            var bytes = await database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(culture, $"Database {database.GetDbConnection().Database}: {bytes / (1024.0 * 1024.0):N1} MB."));
        }

        return 0;
    }

    /// <summary>Reads <c>--scale</c> and <c>--seed</c> (each at most once, invariant culture); false on anything else.</summary>
    public static bool TryParse(string[] args, out double scale, out int seed)
    {
        ArgumentNullException.ThrowIfNull(args);
        scale = 1.0;
        seed = ScaleDataGenerator.DefaultSeed;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !seen.Add(args[i]))
            {
                return false;
            }

            var value = args[i + 1];
            var ok = args[i] switch
            {
                "--scale" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) && scale > 0 && scale <= 10,
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
