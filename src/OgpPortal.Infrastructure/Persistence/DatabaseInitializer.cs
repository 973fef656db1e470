using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and makes sure the roles exist. Runs at start-up.</summary>
public sealed partial class DatabaseInitializer(PortalDbContext db, RoleManager<IdentityRole> roles, DatabaseSettings settings, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await CreateSqliteFileAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers carry on while one request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await DatabaseStatistics.RefreshAtStartAsync(db.Database, cancellationToken);

        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        LogReady(logger, settings.Provider);
    }

    /// <summary>The portal opens SQLite without creating the file (DatabaseSettings); the first start creates it.</summary>
    private async Task CreateSqliteFileAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var sqlite = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (sqlite.Mode == SqliteOpenMode.ReadWrite && !File.Exists(sqlite.DataSource))
        {
            sqlite.Mode = SqliteOpenMode.ReadWriteCreate;
            sqlite.Pooling = false;
            await using var connection = new SqliteConnection(sqlite.ToString());
            await connection.OpenAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, DatabaseProvider provider);
}
