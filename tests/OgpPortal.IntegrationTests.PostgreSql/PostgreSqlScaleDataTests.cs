using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>The <c>generate</c> command on PostgreSQL against the same command on SQLite.</summary>
public sealed class PostgreSqlScaleDataTests
{
    /// <summary>The tables the generator writes.</summary>
    private static readonly HashSet<string> Generated =
    [
        "Members", "MemberStatusChanges", "ActionPlans", "Commitments", "CommitmentPolicyAreas", "Milestones", "ProgressNotes",
        "IrmReports", "CommitmentAssessments", "LegacyAssessments", "ChallengeEntries", "ChallengeMilestones",
    ];

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    [Fact]
    public async Task TheSameSeed_OnSqliteAndOnPostgreSql_GivesTheSameRows()
    {
        await using var sqlite = EmptyPortalAppFactory.On(DatabaseProvider.Sqlite);
        await using var postgres = EmptyPortalAppFactory.On(DatabaseProvider.PostgreSql);

        foreach (var factory in new[] { sqlite, postgres })
        {
            using var output = new StringWriter();
            (await GenerateCommand.RunAsync(factory.Services, [GenerateCommand.Name, "--scale", "0.01", "--seed", "11"], output, CancellationToken.None)).ShouldBe(0, output.ToString());
        }

        var a = await RowsAsync(sqlite);
        var b = await RowsAsync(postgres);
        a["Commitments"].Count.ShouldBe(600);
        foreach (var (table, rows) in a)
        {
            b[table].ShouldBe(rows, table);
        }
    }

    /// <summary>
    /// The rows of every table the generator writes, each value read as its column's provider type (so a SQLite
    /// text GUID and a PostgreSQL uuid compare equal) and written invariantly, sorted.
    /// </summary>
    private static Task<Dictionary<string, List<string>>> RowsAsync(PortalAppFactory factory) => factory.WithDbAsync(async db =>
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is { } name && Generated.Contains(name)))
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Select(p => (Name: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetTypeMapping())).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(table.Name)}";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join('\u001f', columns.Select((c, i) => Text(reader, i, c.Mapping))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            tables[table.Name] = rows;
        }

        return tables;
    });

    private static string? Text(DbDataReader reader, int ordinal, RelationalTypeMapping mapping)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var value = GetFieldValue.MakeGenericMethod(type.IsEnum ? Enum.GetUnderlyingType(type) : type).Invoke(reader, [ordinal]);
        return value switch
        {
            // Stored in UTC on both; SQLite's text comes back without a kind.
            DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
