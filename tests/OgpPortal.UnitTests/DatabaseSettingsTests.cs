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

    [Fact]
    public void SqlServer_WithoutConnectionString_SaysWhatIsMissing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" }).Build();

        Should.Throw<InvalidOperationException>(() => DatabaseSettings.From(configuration, "/app")).Message.ShouldContain("ConnectionStrings:Portal");
    }
}
