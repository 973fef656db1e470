using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// SQLite's built-in <c>lower()</c> folds ASCII letters only ("Østfold" stays "Østfold"), while PostgreSQL's and SQL
/// Server's fold every letter. The portal's case-insensitive text filters lower both sides (<c>Like.AnyContains</c>),
/// so on SQLite each connection gets a <c>lower()</c> of its own that folds every letter as .NET's invariant culture
/// does: the same filter finds the same rows on every engine (ADR 0016).
/// </summary>
public sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
