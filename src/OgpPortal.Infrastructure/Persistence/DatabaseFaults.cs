using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is unavailable for a while (locked, unreachable, restarting) from a bug: the first
/// is answered with 503 and "try again in a minute", the second with the error page.
/// </summary>
public static class DatabaseFaults
{
    // SQLite's primary result codes: BUSY and LOCKED (another connection holds the lock past the busy
    // timeout), IOERR and CANTOPEN (the file or its disk cannot be read).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    // SQL Server errors that mean the server or database cannot be reached now (besides those its client marks
    // transient): timeout, network paths, login to a database that is starting or unavailable.
    private static readonly HashSet<int> SqlServerUnavailable = [-2, 2, 53, 121, 233, 258, 4060, 10053, 10054, 10060, 10061, 11001, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>Whether the exception, or one it wraps, says the database cannot be used at the moment.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen }:
                case SqlException sql when sql.IsTransient || SqlServerUnavailable.Contains(sql.Number):
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
