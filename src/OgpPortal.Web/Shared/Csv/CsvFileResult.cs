using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace OgpPortal.Web.Shared.Csv;

/// <summary>
/// A CSV download (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents right),
/// written with CsvHelper straight to the response. Text that starts like a formula (=, +, -, @) is
/// escaped, so a value typed into the portal cannot run as a formula in someone's spreadsheet.
/// </summary>
public sealed class CsvFileResult(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<string?[]> rows) : IActionResult
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        await csv.WriteRecordAsync([.. header], cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(row, cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
