using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.Options;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Api;

/// <summary>
/// Base of the read-only open data API under <c>/api/v1</c>: anonymous, GET and HEAD only, JSON bodies with
/// ETags, problem details for every error (docs/api.md, docs/decisions/0008-open-data-and-public-api.md).
/// </summary>
[ApiController]
[AllowAnonymous]
[EnableCors(OpenDataHosting.CorsPolicy)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
public abstract class ApiController : ControllerBase
{
    /// <summary>The largest page size a client may ask for.</summary>
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 50;

    /// <summary>
    /// Checks <c>page</c> and <c>pageSize</c>; null when they are fine, else the 400 problem to return.
    /// </summary>
    protected IActionResult? CheckPaging(int? page, int? pageSize)
    {
        if (page is < 1)
        {
            ModelState.AddModelError("page", "page must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            ModelState.AddModelError("pageSize", $"pageSize must be between 1 and {MaxPageSize.ToString(CultureInfo.InvariantCulture)}.");
        }

        return ModelState.IsValid ? null : ApiProblems.BadParameters(HttpContext, ModelState);
    }

    /// <summary>A 404 problem for a record that does not exist or is not public (the two are not told apart).</summary>
    protected ObjectResult NotPublic(string what, int id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no published {what} with id {id.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>One page of a query as the API's paged body, with its links in the body and in a <c>Link</c> header.</summary>
    protected async Task<IActionResult> PagedAsync<T>(IQueryable<T> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip((number - 1) * size).Take(size), cancellationToken);
        var options = HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        var links = PageLinks.For(options, Request, number, size, total);
        return new ApiJsonResult(new PagedList<T>(items, number, size, total, links.PageCount, links), links.ToLinkHeader());
    }
}

/// <summary>Matches GET and HEAD: a HEAD request gets the GET's headers (ETag, Content-Length) without the body.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);
