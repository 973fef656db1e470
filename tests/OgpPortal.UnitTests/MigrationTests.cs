using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.UnitTests;

/// <summary>Both providers' migrations stay in step with the model; no SQL Server runs here, so its migrations are proven by their script.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqlServerMigrations_ProduceAScriptThatCreatesThePortalSchema()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [Members]");
        script.ShouldContain("CREATE TABLE [Commitments]");
        script.ShouldContain("CREATE TABLE [AspNetUsers]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Commitments_Identifier]");
        script.ShouldContain("[Version] uniqueidentifier NOT NULL");
        script.ShouldContain("Anti-Corruption and Integrity");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServer();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqlServerPortalDbContext");
    }

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqlitePortalDbContext");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Names(sqlServer).ShouldBe(Names(sqlite));
    }

    private static SqlServerPortalDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=unused;Database=OgpPortal;TrustServerCertificate=True").Options);
}
