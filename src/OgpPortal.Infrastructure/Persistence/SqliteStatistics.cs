using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's table statistics (<c>sqlite_stat1</c>) current, which its query planner needs to pick the right
/// index once tables hold tens of thousands of rows: without them the search's IRM facets took 16–39 s at 60,000
/// commitments, with them well under a second. <c>PRAGMA optimize=0x10002</c> is SQLite's advice for a
/// long-lived application: it checks every table (0x10000) and runs <c>ANALYZE</c> (0x02) only on those never
/// analysed or grown a lot since, under a temporary analysis limit (0x10) so it stays quick on a large file.
/// Does nothing on SQL Server, which keeps its own statistics.
/// </summary>
public static class SqliteStatistics
{
    public static async Task OptimizeAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlite())
        {
            await database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
