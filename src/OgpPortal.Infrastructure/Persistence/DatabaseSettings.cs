using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace OgpPortal.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Which database the portal uses. With no configuration: SQLite at <c>App_Data/ogp-portal.db</c> under
/// the content root. <c>Database:Provider=SqlServer</c> with <c>ConnectionStrings:Portal</c> selects SQL Server.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Portal";
    public const string DefaultSqliteFile = "App_Data/ogp-portal.db";

    public static DatabaseSettings From(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
            }

            return new DatabaseSettings(provider, connectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        if (!sqlite.DataSource.Equals(":memory:", StringComparison.Ordinal) && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return new DatabaseSettings(provider, sqlite.ToString());
    }
}
