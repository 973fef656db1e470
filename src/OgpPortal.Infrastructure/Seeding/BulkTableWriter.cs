using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>
/// Writes rows into one entity type's table, bypassing change tracking and the audit interceptor. Table, columns
/// and value conversions (enums stored by name, UTC instants, dates, GUIDs) all come from the EF Core model, so the
/// rows are stored exactly as EF Core would store them. Values are read from the entity through the model's property
/// getters; keys and foreign keys that the domain keeps private (set by EF Core's fix-up otherwise) are given as
/// overrides by property name. How the rows travel depends on the engine (<see cref="Create"/>): SQLite, in process,
/// takes one prepared <c>INSERT</c> per row; PostgreSQL takes them in batches by binary <c>COPY</c>, a round trip per
/// batch instead of per row. A batched writer holds its rows until <see cref="Flush"/>: one <c>COPY</c> at a time may
/// run on a connection, so the caller flushes its writers together, parents before children (foreign keys).
/// </summary>
internal abstract class BulkTableWriter : IDisposable
{
    private readonly Dictionary<string, int> _byName;
    private readonly object?[] _row;

    private protected BulkTableWriter(DbContext db, IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(type);
        Sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        Columns = type.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)))
            .Where(c => c.Name is not null)
            .Select(c => new Column(c.Property, c.Name!, (RelationalTypeMapping)c.Property.GetTypeMapping()))
            .ToArray();
        _byName = Columns.Select((c, i) => (c.Property.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        _row = new object?[Columns.Count];
        TableName = table.Name;
        QualifiedTableName = Sql.DelimitIdentifier(table.Name, table.Schema);
        ColumnList = string.Join(", ", Columns.Select(c => Sql.DelimitIdentifier(c.Name)));
        var key = type.FindPrimaryKey()?.Properties;
        IdentityColumn = key is [{ ValueGenerated: ValueGenerated.OnAdd } id] ? id.GetColumnName(table) : null;
    }

    /// <summary>A writer for the engine of <paramref name="transaction"/>'s connection, inside that transaction.</summary>
    public static BulkTableWriter Create(DbContext db, IEntityType type, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Connection is NpgsqlConnection
            ? new CopyTableWriter(db, type, (NpgsqlConnection)transaction.Connection)
            : new InsertTableWriter(db, type, transaction);
    }

    public string TableName { get; }

    /// <summary>Rows given so far (written, or held until the next <see cref="Flush"/>).</summary>
    public int Rows { get; private set; }

    /// <summary>Rows held, not yet sent to the database.</summary>
    public virtual int Pending => 0;

    private protected ISqlGenerationHelper Sql { get; }

    private protected IReadOnlyList<Column> Columns { get; }

    /// <summary>The table's name as SQL (quoted, with its schema if any).</summary>
    private protected string QualifiedTableName { get; }

    /// <summary>The columns' names as SQL, in the order of <see cref="Columns"/>.</summary>
    private protected string ColumnList { get; }

    /// <summary>The key column the database numbers itself (an identity column), or null.</summary>
    private protected string? IdentityColumn { get; }

    /// <summary>Inserts one entity; <paramref name="overrides"/> set properties the entity cannot give (by property name).</summary>
    public void Insert(object entity, params ReadOnlySpan<(string Property, object? Value)> overrides)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            _row[i] = Columns[i].ToProvider(Columns[i].Property.GetGetter().GetClrValueUsingContainingEntity(entity));
        }

        Override(overrides);
        Write(_row);
        Rows++;
    }

    /// <summary>Inserts a row of a property-bag entity (a many-to-many join table), every value by property name.</summary>
    public void InsertValues(params ReadOnlySpan<(string Property, object? Value)> values)
    {
        Override(values);
        Write(_row);
        Rows++;
    }

    /// <summary>Sends the rows held, if any.</summary>
    public virtual void Flush()
    {
    }

    /// <summary>
    /// After the last row: sends the rows held, and makes the database's own numbering of the keys (an identity
    /// column's sequence) continue after the ids written, where the engine does not do so by itself.
    /// </summary>
    public virtual void Complete() => Flush();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Writes (or holds) one row: the provider values in the order of <see cref="Columns"/>; the array is reused for the next row.</summary>
    private protected abstract void Write(object?[] row);

    private void Override(ReadOnlySpan<(string Property, object? Value)> values)
    {
        foreach (var (property, value) in values)
        {
            var i = _byName[property];
            _row[i] = Columns[i].ToProvider(value);
        }
    }

    private protected sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the database stores it: through the model's converter, enums without one as their number.</summary>
        public object? ToProvider(object? value)
        {
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value is Enum
                ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture)
                : value;
        }
    }
}

/// <summary>One prepared <c>INSERT</c> per row (SQLite: in process, so a row costs no round trip).</summary>
internal sealed class InsertTableWriter : BulkTableWriter
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public InsertTableWriter(DbContext db, IEntityType type, DbTransaction transaction)
        : base(db, type)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {QualifiedTableName} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";
        _parameters = [.. Columns.Select((c, i) => c.Mapping.CreateParameter(_command, "@p" + i, null, c.Property.IsNullable))];
        _command.Parameters.AddRange(_parameters);
        _command.Prepare();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _command.Dispose();
        }

        base.Dispose(disposing);
    }

    private protected override void Write(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            _parameters[i].Value = row[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }
}

/// <summary>
/// PostgreSQL's binary <c>COPY</c>: the rows held are sent in one stream per <see cref="Flush"/>, each value written as
/// its column's type in the model (<c>character varying</c>, <c>timestamp with time zone</c>, <c>date</c>, <c>uuid</c>…).
/// </summary>
internal sealed class CopyTableWriter : BulkTableWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly string[] _types;
    private readonly List<object?[]> _held = [];

    public CopyTableWriter(DbContext db, IEntityType type, NpgsqlConnection connection)
        : base(db, type)
    {
        _connection = connection;
        _types = [.. Columns.Select(c => c.Mapping.StoreTypeNameBase)];
    }

    public override int Pending => _held.Count;

    public override void Flush()
    {
        if (_held.Count == 0)
        {
            return;
        }

        using (var copy = _connection.BeginBinaryImport($"COPY {QualifiedTableName} ({ColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in _held)
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        copy.Write(value, _types[i]);
                    }
                    else
                    {
                        copy.WriteNull();
                    }
                }
            }

            copy.Complete();
        }

        _held.Clear();
    }

    /// <summary>Also moves the identity column's sequence past the ids written: later inserts through EF Core take it.</summary>
    public override void Complete()
    {
        Flush();
        if (IdentityColumn is null || Rows == 0)
        {
            return;
        }

        using var command = _connection.CreateCommand();
        var column = Sql.DelimitIdentifier(IdentityColumn);
        command.CommandText = $"SELECT setval(pg_get_serial_sequence(@table, @column), (SELECT MAX({column}) FROM {QualifiedTableName}))";
        command.Parameters.AddWithValue("table", QualifiedTableName);
        command.Parameters.AddWithValue("column", IdentityColumn);
        command.ExecuteNonQuery();
    }

    private protected override void Write(object?[] row) => _held.Add((object?[])row.Clone());
}
