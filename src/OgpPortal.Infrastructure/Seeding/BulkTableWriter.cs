using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>
/// Inserts rows into one entity type's table with one prepared command, bypassing change tracking and the
/// audit interceptor. Table, columns and value conversions (enums stored by name, UTC instants, dates,
/// GUIDs) all come from the EF Core model, so the rows are stored exactly as EF Core would store them.
/// Values are read from the entity through the model's property getters; keys and foreign keys that the
/// domain keeps private (set by EF Core's fix-up otherwise) are given as overrides by property name.
/// </summary>
internal sealed class BulkTableWriter : IDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _byName;

    public BulkTableWriter(DbContext db, IEntityType type, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(type);
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = type.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)))
            .Where(c => c.Name is not null)
            .Select(c => new Column(c.Property, c.Name!, (RelationalTypeMapping)c.Property.GetTypeMapping()))
            .ToArray();
        _byName = _columns.Select((c, i) => (c.Property.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        TableName = table.Name;

        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            _columns[i] = column with { Parameter = column.Mapping.CreateParameter(_command, "@p" + i, null, column.Property.IsNullable) };
            _command.Parameters.Add(_columns[i].Parameter!);
        }

        _command.Prepare();
    }

    public string TableName { get; }

    public int Rows { get; private set; }

    /// <summary>Inserts one entity; <paramref name="overrides"/> set properties the entity cannot give (by property name).</summary>
    public void Insert(object entity, params ReadOnlySpan<(string Property, object? Value)> overrides)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Set(_columns[i].Property.GetGetter().GetClrValueUsingContainingEntity(entity));
        }

        foreach (var (property, value) in overrides)
        {
            _columns[_byName[property]].Set(value);
        }

        Execute();
    }

    /// <summary>Inserts a row of a property-bag entity (a many-to-many join table), every value by property name.</summary>
    public void InsertValues(params ReadOnlySpan<(string Property, object? Value)> values)
    {
        foreach (var (property, value) in values)
        {
            _columns[_byName[property]].Set(value);
        }

        Execute();
    }

    public void Dispose() => _command.Dispose();

    private void Execute()
    {
        _command.ExecuteNonQuery();
        Rows++;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, DbParameter? Parameter = null)
    {
        public void Set(object? value)
        {
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            if (value is Enum)
            {
                value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
            }

            Parameter!.Value = value ?? DBNull.Value;
        }
    }
}
