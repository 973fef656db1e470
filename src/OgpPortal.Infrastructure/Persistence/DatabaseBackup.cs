using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// Copies the embedded SQLite database to a file while the portal runs, with SQLite's online backup:
/// the copy is one consistent moment of the database, however busy the portal is. The server databases have
/// their own tools, which do the same and more (docs/operations.md): PostgreSQL's <c>pg_dump</c>, SQL Server's backups.
/// </summary>
public sealed class DatabaseBackup(PortalDbContext db)
{
    /// <summary>Writes the copy to <paramref name="destination"/>, which must not exist yet.</summary>
    public async Task BackupAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (db.Database.IsNpgsql())
        {
            throw new InvalidOperationException(
                "The portal runs on PostgreSQL: back it up with pg_dump while it runs (pg_dump --format=custom --file=portal.dump DATABASE) and restore with pg_restore into an empty database (docs/operations.md).");
        }

        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The portal runs on SQL Server: back it up with SQL Server's own backups (docs/operations.md).");
        }

        if (File.Exists(destination))
        {
            throw new InvalidOperationException($"{destination} exists already; choose a new file for each backup.");
        }

        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(cancellationToken);
        try
        {
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        finally
        {
            await source.CloseAsync();
        }
    }
}
