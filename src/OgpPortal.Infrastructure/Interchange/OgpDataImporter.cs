using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>
/// Imports OGP's commitments data (the current export, or the IRM explorer layout of 2015–2017) in one
/// transaction, and reports what it did with every row. See ADR 0011 and docs/data-interchange.md.
/// </summary>
public sealed partial class OgpDataImporter(PortalDbContext db, TimeProvider clock, ILogger<OgpDataImporter> logger)
{
    /// <summary>Larger uploads are refused before they are read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The operators' command takes larger files (OGP's whole history at ten times today's size is a few
    /// hundred MB); the rows are held in memory while they are checked.
    /// </summary>
    public const long MaxCommandFileBytes = 1024L * 1024 * 1024;

    private const int ProgressEvery = 250;
    private const int SniffBytes = 8 * 1024;

    /// <summary>Old names OGP's older sheets use for members, and the names the members have now.</summary>
    private static readonly Dictionary<string, string> FormerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UK"] = "United Kingdom",
        ["USA"] = "United States",
        ["US"] = "United States",
        ["Macedonia"] = "North Macedonia",
        ["FYR Macedonia"] = "North Macedonia",
        ["Slovakia"] = "Slovak Republic",
        ["Kyrgyzstan"] = "Kyrgyz Republic",
        ["South Korea"] = "Republic of Korea",
        ["Korea"] = "Republic of Korea",
        ["Czechia"] = "Czech Republic",
        ["Cape Verde"] = "Cabo Verde",
        ["Côte d'Ivoire"] = "Cote d'Ivoire",
    };

    /// <summary>A member's name now, for a name OGP's older sheets use.</summary>
    internal static string CurrentName(string name) => FormerNames.GetValueOrDefault(name.Trim(), name.Trim());

    /// <summary>
    /// Reads the file, checks every row, and saves all changes in one transaction (a dry run rolls it back).
    /// Cancelling, or any failure, leaves the database as it was.
    /// </summary>
    public Task<ImportReport> ImportAsync(Stream file, string fileName, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(file, fileName, dryRun, MaxFileBytes, progress, cancellationToken);

    /// <summary>As above, with a size limit of the caller's (the operators' command takes <see cref="MaxCommandFileBytes"/>).</summary>
    public async Task<ImportReport> ImportAsync(Stream file, string fileName, bool dryRun, long maxFileBytes, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var started = clock.GetTimestamp();
        var report = new ImportReport { FileName = fileName, DryRun = dryRun };
        try
        {
            var catalogue = await db.PolicyAreas.ToListAsync(cancellationToken);
            var rows = await ReadAsync(file, report, catalogue, maxFileBytes, progress, cancellationToken);
            if (rows is not null)
            {
                await ApplyAsync(rows, report, dryRun, progress, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, fileName);
            report.Saved = false;
            report.Failed = true;
            report.FileProblem = "The import failed and nothing was saved. The error is in the portal's log; the file may hold a value the database refuses.";
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        report.Duration = clock.GetElapsedTime(started);
        LogImported(logger, fileName, dryRun, report.Read, report.Created, report.Updated, report.Unchanged, report.Rejected, report.FileProblem);
        return report;
    }

    private static async Task<List<OgpRow>?> ReadAsync(Stream file, ImportReport report, IReadOnlyList<PolicyArea> catalogue, long maxFileBytes, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!file.CanSeek)
        {
            var copy = new MemoryStream();
            await CopyAtMostAsync(file, copy, maxFileBytes + 1, cancellationToken);
            copy.Position = 0;
            file = copy;
        }

        var total = file.Length - file.Position;
        if (total > maxFileBytes)
        {
            report.FileProblem = $"The file is {total / (1024.0 * 1024):N1} MB; the portal takes files of up to {maxFileBytes / (1024 * 1024)} MB. Split it by member or by year.";
            return null;
        }

        var problem = await SniffAsync(file, cancellationToken);
        if (problem is not null)
        {
            report.FileProblem = problem;
            return null;
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = 4 * 1024 * 1024,
            SkipEmptyLines = true,
        };
        await using var csv = CsvReader.Create(file, options, leaveOpen: true);
        try
        {
            var header = await HeaderAsync(csv, cancellationToken);
            var layout = Recognise(header, report);
            if (layout is null)
            {
                return null;
            }

            var reader = new OgpRowReader(layout.Value, header, catalogue);
            report.Layout = layout;
            if (reader.MissingKeys.Count > 0)
            {
                report.FileProblem = $"The file lacks the key column{(reader.MissingKeys.Count == 1 ? string.Empty : "s")} {string.Join(", ", reader.MissingKeys.Select(k => $"'{k}'"))}; nothing was imported.";
                return null;
            }

            report.IgnoreColumns(reader.IgnoredColumns);
            var rows = new List<OgpRow>();
            while (await csv.ReadAsync(cancellationToken))
            {
                if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i))))
                {
                    continue;
                }

                // Binary data past the first bytes the sniff reads (and a character PostgreSQL cannot store).
                if (Enumerable.Range(0, csv.FieldCount).Any(i => csv.GetString(i).Contains('\0', StringComparison.Ordinal)))
                {
                    report.FileProblem = $"Line {csv.LineNumber} holds a NUL character, as binary data does; nothing was imported. Save the sheet as CSV UTF-8 and try again.";
                    return null;
                }

                var fields = csv.FieldCount;
                rows.Add(reader.Read((int)csv.LineNumber, i => i < fields ? csv.GetString(i) : null));
                report.Read++;
                if (report.Read % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportProgress.Reading, report.Read, csv.ByteOffset, total));
                }
            }

            progress?.Report(new ImportProgress(ImportProgress.Checking, report.Read, total, total));
            return rows;
        }
        catch (CsvFormatException e)
        {
            report.FileProblem = $"Line {e.LineNumber} is not valid CSV (a quote is not closed, or a record is too long); nothing was imported.";
            return null;
        }
    }

    /// <summary>The header row; above it, the IRM explorer layout has a row of column numbers.</summary>
    private static async Task<IReadOnlyList<string>> HeaderAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        if (!await csv.ReadAsync(cancellationToken))
        {
            return [];
        }

        var first = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList();
        var numbered = first.Count(c => !string.IsNullOrWhiteSpace(c));
        if (numbered >= 3 && first.All(c => string.IsNullOrWhiteSpace(c) || OgpCells.Number(c) is not null) && await csv.ReadAsync(cancellationToken))
        {
            return Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList();
        }

        return first;
    }

    private static OgpLayout? Recognise(IReadOnlyList<string> header, ImportReport report)
    {
        var names = header.Select(OgpRowReader.Tidy).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains(OgpColumns.Identifier))
        {
            return OgpLayout.CurrentExport;
        }

        if (names.Contains(OgpColumns.Explorer.Country) && names.Contains(OgpColumns.Explorer.CommitmentNumber))
        {
            return OgpLayout.IrmExplorer;
        }

        var only = header.Count == 1 ? header[0] : string.Empty;
        report.FileProblem = only.Contains(';', StringComparison.Ordinal) ? "The file's columns are separated by semicolons; OGP's files use commas. Save the sheet as CSV (comma-separated) and try again."
            : only.Contains('\t', StringComparison.Ordinal) ? "The file's columns are separated by tabs; OGP's files use commas. Save the sheet as CSV (comma-separated) and try again."
            : $"This is not one of OGP's commitments layouts: its header has neither '{OgpColumns.Identifier}' (OGP's current export) nor '{OgpColumns.Explorer.Country}' and '{OgpColumns.Explorer.CommitmentNumber}' (the IRM explorer layout).";
        return null;
    }

    /// <summary>Refuses an empty file, binary data and text that is not UTF-8, from the first bytes.</summary>
    private static async Task<string?> SniffAsync(Stream file, CancellationToken cancellationToken)
    {
        var start = file.Position;
        var buffer = new byte[SniffBytes];
        var length = await file.ReadAtLeastAsync(buffer, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        file.Position = start;
        var bytes = buffer.AsSpan(0, length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (bytes.IsEmpty || bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return "The file is empty.";
        }

        if (bytes.Contains((byte)0))
        {
            return "This is not a CSV file (it holds binary data, as a spreadsheet or a PDF does). Save the sheet as CSV UTF-8 and try again.";
        }

        // A multi-byte character may be cut at the end of the sample: the check stops at its last ASCII byte.
        var whole = length < SniffBytes ? bytes : bytes[..(bytes.LastIndexOfAnyInRange((byte)0, (byte)0x7F) + 1)];
        return System.Text.Unicode.Utf8.IsValid(whole) ? null : "The file is not UTF-8 text. Save the sheet as CSV UTF-8 and try again.";
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while (copied < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {FileName} failed; nothing was saved")]
    private static partial void LogFailed(ILogger logger, Exception exception, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {FileName} (dry run: {DryRun}): {Read} read, {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected; refused: {Problem}")]
    private static partial void LogImported(ILogger logger, string fileName, bool dryRun, int read, int created, int updated, int unchanged, int rejected, string? problem);
}
