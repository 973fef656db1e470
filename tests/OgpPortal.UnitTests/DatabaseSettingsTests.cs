using Microsoft.Extensions.Configuration;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.UnitTests;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void WithNoConfiguration_UsesSqliteUnderAppData()
    {
        var root = Directory.CreateTempSubdirectory().FullName;

        var settings = DatabaseSettings.From(new ConfigurationBuilder().Build(), root);

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
        sqlite.DataSource.ShouldBe(Path.Combine(root, "App_Data", "ogp-portal.db"));
        sqlite.Mode.ShouldBe(Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite, "a file gone missing is an error, not a new empty database");
        sqlite.DefaultTimeout.ShouldBe(DatabaseSettings.SqliteBusyTimeoutSeconds);
        Directory.Exists(Path.Combine(root, "App_Data")).ShouldBeTrue();
    }

    [Fact]
    public void SqlServer_IsChosenByConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Portal"] = "Server=db;Database=OgpPortal",
        }).Build();

        var settings = DatabaseSettings.From(configuration, "/app");

        settings.ShouldBe(new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db;Database=OgpPortal"));
    }

    [Theory]
    [InlineData("Data Source=models/timeouts/portal.db", "ReadWrite", 10)]
    [InlineData("Data Source=portal.db;Mode=ReadWriteCreate;Default Timeout=3", "ReadWriteCreate", 3)]
    [InlineData("Data Source=portal.db;command timeout=4", "ReadWrite", 4)]
    public void SqliteKeywords_AreKeptWhenGiven_AndDefaultedOtherwise(string connectionString, string mode, int timeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = connectionString }).Build();

        var root = Directory.CreateTempSubdirectory().FullName;

        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseSettings.From(configuration, root).ConnectionString);

        sqlite.Mode.ToString().ShouldBe(mode);
        sqlite.DefaultTimeout.ShouldBe(timeout);
    }

    [Fact]
    public void SqlServer_WithoutConnectionString_SaysWhatIsMissing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" }).Build();

        Should.Throw<OgpPortal.Infrastructure.PortalConfigurationException>(() => DatabaseSettings.From(configuration, "/app")).Message.ShouldContain("ConnectionStrings:Portal");
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("postgresql")]
    [InlineData(" POSTGRESQL ")]
    public void PostgreSql_IsChosenByConfiguration_InAnyCase(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Portal"] = "Host=db;Database=ogp_portal;Username=portal",
        }).Build();

        var settings = DatabaseSettings.From(configuration, "/app");

        settings.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        (postgres.Host, postgres.Database, postgres.Username).ShouldBe(("db", "ogp_portal", "portal"));
        postgres.Timeout.ShouldBe(DatabaseSettings.PostgreSqlConnectTimeoutSeconds, "a server that does not answer fails in seconds, not Npgsql's 15");
    }

    [Fact]
    public void PostgreSql_KeepsAConnectTimeoutGiven()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = "Host=db;Database=ogp_portal;Username=portal;timeout=30",
        }).Build();

        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.From(configuration, "/app").ConnectionString).Timeout.ShouldBe(30);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("2")]
    [InlineData("Sqlite,SqlServer")]
    public void AnUnknownProvider_IsRefusedWithTheThreeChoices(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();

        Should.Throw<OgpPortal.Infrastructure.PortalConfigurationException>(() => DatabaseSettings.From(configuration, "/app"))
            .Message.ShouldBe($"Database:Provider is '{provider}', which the portal does not know: set it to Sqlite, PostgreSql or SqlServer.");
    }

    [Fact]
    public void PostgreSql_WithAReadOnlyConnectionString_HasAStandbyWithTheSameDefaults()
    {
        var settings = DatabaseSettings.From(Configuration(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Portal", "Host=primary;Database=ogp"),
            ("ConnectionStrings:PortalReadOnly", "Host=standby;Database=ogp"), ("Database:StandbyMaxLagSeconds", "0.5")), "/app");

        var standby = new Npgsql.NpgsqlConnectionStringBuilder(settings.ReadOnlyConnectionString);
        (standby.Host, standby.Timeout).ShouldBe(("standby", DatabaseSettings.PostgreSqlConnectTimeoutSeconds));
        settings.StandbyMaxLag.ShouldBe(TimeSpan.FromMilliseconds(500));
        DatabaseSettings.From(Configuration(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Portal", "Host=primary")), "/app")
            .ReadOnlyConnectionString.ShouldBeNull("no standby unless one is named");
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=ogp.db")]
    [InlineData("SqlServer", "Server=db;Database=OgpPortal")]
    public void AReadOnlyConnectionString_OnAnotherEngine_IsRefusedRatherThanIgnored(string provider, string connectionString)
    {
        var configuration = Configuration(("Database:Provider", provider), ("ConnectionStrings:Portal", connectionString), ("ConnectionStrings:PortalReadOnly", "Host=standby"));

        Should.Throw<OgpPortal.Infrastructure.PortalConfigurationException>(() => DatabaseSettings.From(configuration, "/app"))
            .Message.ShouldBe($"ConnectionStrings:PortalReadOnly names a standby, which the portal reads on PostgreSQL only, and Database:Provider is {provider}: remove it or use PostgreSql.");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-1")]
    public void AStandbyLagThatIsNotAFewSeconds_IsRefused(string lag)
    {
        var configuration = Configuration(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Portal", "Host=primary"), ("ConnectionStrings:PortalReadOnly", "Host=standby"), ("Database:StandbyMaxLagSeconds", lag));

        Should.Throw<OgpPortal.Infrastructure.PortalConfigurationException>(() => DatabaseSettings.From(configuration, "/app"))
            .Message.ShouldBe($"Database:StandbyMaxLagSeconds is '{lag}': set it to a number of seconds from 0.1 to 86400.");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();
}
