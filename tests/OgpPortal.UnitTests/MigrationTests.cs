using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.UnitTests;

/// <summary>
/// Every provider's migrations stay in step with the model. No SQL Server runs here, so its migrations are proven by
/// their script; PostgreSQL's run in every PostgreSQL test (OgpPortal.IntegrationTests.PostgreSql).
/// </summary>
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
    public void PostgreSqlMigrations_MatchTheModel()
    {
        using var db = PostgreSql();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for PostgreSqlPortalDbContext");
    }

    [Fact]
    public void PostgreSqlMigrations_ProduceAScriptWithTheSearchIndex()
    {
        using var db = PostgreSql();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE \"Commitments\"");
        script.ShouldContain("\"Version\" uuid NOT NULL");
        script.ShouldContain("CREATE EXTENSION IF NOT EXISTS unaccent");
        script.ShouldContain("\"SearchVector\" tsvector GENERATED ALWAYS AS");
        script.ShouldContain("USING GIN (\"SearchVector\")");
    }

    [Fact]
    public void EveryProvider_HasTheSameMigrations_PostgreSqlFromItsFirst()
    {
        using var sqlServer = SqlServer();
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = PostgreSql();

        static List<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]).ToList();

        Names(sqlServer).ShouldBe(Names(sqlite));

        // PostgreSQL came in with the model as it stood at SearchCoveringIndex (no PostgreSQL database is older), in
        // two migrations: the schema, and its full-text search. Every migration after those is made for all three.
        Names(postgres).Take(2).ShouldBe(["InitialCreate", "CommitmentSearch"]);
        Names(postgres).Skip(2).ShouldBe(Names(sqlite).SkipWhile(n => n != "SearchCoveringIndex").Skip(1));
    }

    private static PostgreSqlPortalDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql("Host=unused;Database=ogp_portal;Username=portal").Options);

    private static SqlServerPortalDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=unused;Database=OgpPortal;TrustServerCertificate=True").Options);
}
