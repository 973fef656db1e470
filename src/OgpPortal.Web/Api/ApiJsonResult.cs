using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.Web.Api;

/// <summary>
/// An API body with a strong ETag (a hash of the bytes sent) and a short public cache lifetime. A request
/// whose <c>If-None-Match</c> names the current ETag gets 304 and no body; HEAD gets the headers only.
/// </summary>
public sealed class ApiJsonResult(object value, string? link = null) : IActionResult
{
    public const string CacheControl = "public, max-age=60";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), OpenDataCatalog.Json);
        var etag = new EntityTagHeaderValue($"\"{Base64Url.EncodeToString(SHA256.HashData(body))}\"");
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
        if (link is not null)
        {
            response.Headers.Link = link;
        }

        if (EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}
