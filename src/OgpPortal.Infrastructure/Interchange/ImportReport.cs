using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>Which of OGP's layouts a file has, recognised by its header.</summary>
public enum OgpLayout
{
    /// <summary>OGP's current commitments export (171 columns, <c>Commitment Unique Identifier</c> first).</summary>
    CurrentExport,

    /// <summary>The IRM explorer sheets of 2015–2017: a row of column numbers above the header, no ids.</summary>
    IrmExplorer,
}

/// <summary>What the import did with a row, or noticed about it.</summary>
public enum ImportIssueKind
{
    /// <summary>The row was not taken in; nothing of it was saved.</summary>
    Rejected,

    /// <summary>The row was taken in, but one value was read differently from how it is written (or left out).</summary>
    Altered,
}

/// <summary>One rejected or altered row: where it is in the file, which value, and why.</summary>
public sealed record ImportIssue(ImportIssueKind Kind, int Line, string? Identifier, string? Column, string Reason);

/// <summary>
/// How far an import has come, for a progress bar: reading the file (by bytes) is the first 80%, checking
/// the rows against the database (by rows) the next 15%, saving the rest.
/// </summary>
public sealed record ImportProgress(string Stage, int RowsRead, long BytesRead, long TotalBytes, int RowsChecked = 0)
{
    public const string Reading = "Reading";
    public const string Checking = "Checking";
    public const string Saving = "Saving";

    public int Percent => Stage switch
    {
        Reading => TotalBytes <= 0 ? 0 : (int)Math.Min(80, BytesRead * 80 / TotalBytes),
        Checking => RowsRead <= 0 ? 80 : 80 + (int)Math.Min(15, RowsChecked * 15L / RowsRead),
        _ => 95,
    };
}

/// <summary>
/// Everything an import did with a file: counts, and each rejected or altered row with its line, column
/// and reason. A file that cannot be read at all has a <see cref="FileProblem"/> and nothing else.
/// </summary>
public sealed class ImportReport
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly List<ImportIssue> _issues = [];
    private readonly List<string> _ignoredColumns = [];

    public required string FileName { get; init; }

    public bool DryRun { get; init; }

    public OgpLayout? Layout { get; set; }

    /// <summary>Why the whole file was refused (wrong delimiter, missing key columns, not a CSV...); null when it was read.</summary>
    public string? FileProblem { get; set; }

    /// <summary>True when the import broke off on an error of its own (logged), rather than refusing the file.</summary>
    public bool Failed { get; set; }

    /// <summary>True when the changes were saved (never for a dry run or a refused file).</summary>
    public bool Saved { get; set; }

    public int Read { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    [JsonIgnore]
    public int Rejected => _issues.Where(i => i.Kind == ImportIssueKind.Rejected).Select(i => i.Line).Distinct().Count();

    public int MembersCreated { get; set; }

    public int MembersUpdated { get; set; }

    public int PlansCreated { get; set; }

    public int PlansUpdated { get; set; }

    public TimeSpan Duration { get; set; }

    [JsonIgnore]
    public IReadOnlyList<ImportIssue> Issues => _issues;

    /// <summary>Columns of the file the import does not read (derived or not kept by the portal).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> IgnoredColumns => _ignoredColumns;

    [JsonIgnore]
    public bool Succeeded => FileProblem is null;

    /// <summary>The issues as stored (JSON); the lists are filled in place when the report is read back.</summary>
    [JsonInclude]
    [JsonPropertyName(nameof(Issues))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    private List<ImportIssue> StoredIssues => _issues;

    [JsonInclude]
    [JsonPropertyName(nameof(IgnoredColumns))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    private List<string> StoredIgnoredColumns => _ignoredColumns;

    /// <summary>The report as JSON, as an <see cref="ImportJob"/> keeps it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport FromJson(string json) =>
        JsonSerializer.Deserialize<ImportReport>(json, Json) ?? throw new JsonException("The stored import report is empty.");

    public void Add(ImportIssue issue) => _issues.Add(issue);

    public void IgnoreColumns(IEnumerable<string> columns) => _ignoredColumns.AddRange(columns);

    /// <summary>The report as CSV: one line per rejected or altered row (or the reason the file was refused).</summary>
    public async Task WriteCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true);
        await csv.WriteRecordAsync(["Kind", "Line", "Identifier", "Column", "Reason"], cancellationToken);
        if (FileProblem is not null)
        {
            await csv.WriteRecordAsync(["Refused", null, null, null, FileProblem], cancellationToken);
        }

        foreach (var issue in _issues.OrderBy(i => i.Line))
        {
            await csv.WriteRecordAsync([issue.Kind.ToString(), issue.Line.ToString(CultureInfo.InvariantCulture), issue.Identifier, issue.Column, issue.Reason], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
