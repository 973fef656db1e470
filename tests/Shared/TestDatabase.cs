using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Tests.Shared;

/// <summary>
/// A database of one test's own, on the engine this test assembly runs on: the same test sources are built twice,
/// once for SQLite (<c>OgpPortal.IntegrationTests</c>) and once for PostgreSQL (<c>….PostgreSql</c>), and the project
/// says which with <c>[assembly: AssemblyMetadata("TestDatabase", "PostgreSql")]</c> (set in its .csproj).
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public const string EngineMetadata = "TestDatabase";

    /// <summary>The engine the tests of this assembly run on.</summary>
    public static DatabaseProvider Engine { get; } = ReadEngine();

    public static bool IsPostgreSql => Engine == DatabaseProvider.PostgreSql;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string the portal is given (<c>ConnectionStrings:Portal</c>).</summary>
    public abstract string ConnectionString { get; }

    /// <summary>A new, empty database on this assembly's engine (the portal creates its tables when it starts).</summary>
    public static TestDatabase Create(string id) => Create(id, Engine);

    /// <summary>A new, empty database on the engine given (a test that compares the two engines makes one of each).</summary>
    public static TestDatabase Create(string id, DatabaseProvider engine) =>
        engine == DatabaseProvider.PostgreSql ? new PostgreSqlTestDatabase(id) : new SqliteTestDatabase(id);

    private bool _disposed;

    /// <summary>Removes the database; once (a factory may be disposed both ways, synchronously and asynchronously).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private static DatabaseProvider ReadEngine()
    {
        var value = typeof(TestDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == EngineMetadata)?.Value;
        return value is null ? DatabaseProvider.Sqlite : DatabaseSettings.ParseProvider(value);
    }
}

/// <summary>A SQLite file in the temp folder, removed afterwards with its WAL files.</summary>
public sealed class SqliteTestDatabase(string id) : TestDatabase
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ogp-portal-test-{id}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path}";

    protected override void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// A database of its own on the test run's PostgreSQL server (<see cref="PostgreSqlTestServer"/>), or on a private
/// <see cref="PostgreSqlCluster"/>, created empty and dropped afterwards, whatever connections are still open to it.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _maintenance;

    public PostgreSqlTestDatabase(string id, PostgreSqlCluster? cluster = null)
    {
        Name = $"ogp_test_{id}";
        ConnectionString = cluster?.ConnectionString(Name) ?? PostgreSqlTestServer.ConnectionString(Name);
        _maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        Execute($"CREATE DATABASE \"{Name}\"");
    }

    public string Name { get; }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString { get; }

    protected override void Dispose(bool disposing)
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_maintenance);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A context over a test database opened directly, for a portal that could not start (so has no services).</summary>
public static class TestDbContexts
{
    public static PortalDbContext Open(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(database.ConnectionString).Options);
    }
}
