using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Api;

/// <summary>
/// Base of the read-only open data API under <c>/api/v1</c>: anonymous, GET and HEAD only, JSON bodies with
/// ETags, problem details for every error (docs/api.md, docs/decisions/0008-open-data-and-public-api.md).
/// </summary>
[StandbyReads]
[ApiController]
[AllowAnonymous]
[EnableCors(OpenDataHosting.CorsPolicy)]
[EnableRateLimiting(RateLimits.Api)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
public abstract class ApiController : ControllerBase
{
    /// <summary>The largest page size a client may ask for.</summary>
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 50;

    /// <summary>The highest page number a client may ask for: beyond it the offset would overflow.</summary>
    public const int MaxPage = Paging.MaxPage;

    /// <summary>
    /// Checks <c>page</c> and <c>pageSize</c>; null when they are fine, else the 400 problem to return.
    /// </summary>
    protected IActionResult? CheckPaging(int? page, int? pageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            ModelState.AddModelError("page", $"page must be between 1 and {MaxPage.ToString(CultureInfo.InvariantCulture)}.");
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
        var result = await query.ToPageAsync(page ?? 1, pageSize ?? DefaultPageSize, cancellationToken);
        return Paged(result);
    }

    /// <summary>A page as the API returns it, with its links (in the body and the <c>Link</c> header).</summary>
    protected IActionResult Paged<T>(Page<T> result)
    {
        var options = HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        var links = PageLinks.For(options, Request, result);
        return new ApiJsonResult(new PagedList<T>(result.Items, result.Number, result.Size, result.TotalCount, result.PageCount, links), links.ToLinkHeader());
    }
}

/// <summary>Matches GET and HEAD: a HEAD request gets the GET's headers (ETag, Content-Length) without the body.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);
