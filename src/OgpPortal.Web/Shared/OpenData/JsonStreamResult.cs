using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace OgpPortal.Web.Shared.OpenData;

/// <summary>
/// A JSON array download written record by record as the database returns them (System.Text.Json
/// serialises an <see cref="IAsyncEnumerable{T}"/> without holding the whole list in memory).
/// </summary>
public sealed class JsonStreamResult<T>(string fileName, IAsyncEnumerable<T> records) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await JsonSerializer.SerializeAsync(response.Body, records, OpenDataCatalog.Json, context.HttpContext.RequestAborted);
    }
}
