using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>The database engines the portal runs on (docs/decisions/0016-three-database-providers.md).</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// Which database the portal uses. With no configuration: SQLite at <c>App_Data/ogp-portal.db</c> under
/// the content root. <c>Database:Provider=PostgreSql</c> or <c>SqlServer</c> with <c>ConnectionStrings:Portal</c>
/// selects a server database; on PostgreSQL, <c>ConnectionStrings:PortalReadOnly</c> adds a hot standby for the
/// public's lag-tolerant reads (<see cref="StandbyMonitor"/>, docs/deployment.md).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Portal";
    public const string ReadOnlyConnectionStringName = "PortalReadOnly";
    public const string StandbyMaxLagKey = "Database:StandbyMaxLagSeconds";

    /// <summary>How far behind the primary the standby may be for the public to read it, when not configured.</summary>
    public static readonly TimeSpan DefaultStandbyMaxLag = TimeSpan.FromSeconds(1);

    /// <summary>A hot standby of the primary (PostgreSQL only), or null: every read goes to the primary.</summary>
    public string? ReadOnlyConnectionString { get; init; }

    /// <summary>
    /// How far behind the primary the standby may fall and still serve the public; it is checked this often, so a
    /// public read is at most about twice this behind the primary.
    /// </summary>
    public TimeSpan StandbyMaxLag { get; init; } = DefaultStandbyMaxLag;

    /// <summary>How far behind the primary a read of the standby may be at most (<see cref="StandbyMonitor"/>): twice the allowed lag.</summary>
    public TimeSpan StandbyMaxStaleness => 2 * StandbyMaxLag;
    public const string DefaultSqliteFile = "App_Data/ogp-portal.db";

    /// <summary>
    /// How long a SQLite command waits for a lock another connection holds (a long write, a backup tool)
    /// before it gives up and the visitor gets the "briefly unavailable" page; <c>Default Timeout</c> in the
    /// connection string overrides it. Readers are not blocked by writers (WAL), so this is what a write waits.
    /// </summary>
    public const int SqliteBusyTimeoutSeconds = 10;

    public static DatabaseSettings From(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ParseProvider(configuration[ProviderKey]);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var readOnly = configuration.GetConnectionString(ReadOnlyConnectionStringName);
        if (!string.IsNullOrWhiteSpace(readOnly) && provider != DatabaseProvider.PostgreSql)
        {
            throw new PortalConfigurationException(
                $"ConnectionStrings:{ReadOnlyConnectionStringName} names a standby, which the portal reads on PostgreSQL only, and {ProviderKey} is {provider}: remove it or use PostgreSql.");
        }

        if (provider == DatabaseProvider.PostgreSql && !string.IsNullOrWhiteSpace(connectionString))
        {
            return new DatabaseSettings(provider, WithPostgreSqlDefaults(connectionString))
            {
                ReadOnlyConnectionString = string.IsNullOrWhiteSpace(readOnly) ? null : WithPostgreSqlDefaults(readOnly),
                StandbyMaxLag = ParseStandbyMaxLag(configuration[StandbyMaxLagKey]),
            };
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new PortalConfigurationException($"{ProviderKey} is {provider} but ConnectionStrings:{ConnectionStringName} is not set.")
                : new DatabaseSettings(provider, connectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        // The keywords the configured string sets itself (parsed, so a path that contains "mode" is not one).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString ?? string.Empty };
        if (!given.Keys.Cast<string>().Any(k => k.Contains("Timeout", StringComparison.OrdinalIgnoreCase)))
        {
            sqlite.DefaultTimeout = SqliteBusyTimeoutSeconds;
        }

        if (!sqlite.DataSource.Equals(":memory:", StringComparison.Ordinal) && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);

            // A database file that goes missing while the portal runs (an unmounted volume) is an error the
            // visitor sees as "briefly unavailable", not a new empty database created in its place. The
            // file is created once, at start-up, by DatabaseInitializer.
            if (!given.ContainsKey("Mode"))
            {
                sqlite.Mode = SqliteOpenMode.ReadWrite;
            }
        }

        return new DatabaseSettings(provider, sqlite.ToString());
    }

    /// <summary>
    /// How long opening a PostgreSQL connection may take before it fails (Npgsql's default is 15 s); with the three
    /// retries a server that does not answer gives the "briefly unavailable" page within about 20 s, not a minute.
    /// <c>Timeout</c> in the connection string overrides it.
    /// </summary>
    public const int PostgreSqlConnectTimeoutSeconds = 5;

    private static string WithPostgreSqlDefaults(string connectionString)
    {
        // The keywords given (Npgsql's own builder lists every keyword as present).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Timeout")
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = PostgreSqlConnectTimeoutSeconds }.ToString();
    }

    private static TimeSpan ParseStandbyMaxLag(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultStandbyMaxLag;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0.1 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new PortalConfigurationException($"{StandbyMaxLagKey} is '{value}': set it to a number of seconds from 0.1 to 86400.");
    }

    /// <summary>The configured engine by its name, in any case; nothing configured means SQLite.</summary>
    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        // Names only: Enum.TryParse would also take "1" or "Sqlite,SqlServer".
        var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null
            ? throw new PortalConfigurationException($"{ProviderKey} is '{value}', which the portal does not know: set it to Sqlite, PostgreSql or SqlServer.")
            : Enum.Parse<DatabaseProvider>(name);
    }
}
