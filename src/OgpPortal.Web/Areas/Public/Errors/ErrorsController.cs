using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.Public.Errors;

/// <summary>
/// The friendly error pages. Reached by re-execution (unhandled errors and 4xx/5xx status codes), so
/// they answer any method and need no antiforgery token.
/// </summary>
[Route("error")]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorsController(ILogger<ErrorsController> logger) : PublicController
{
    [Route("")]
    public IActionResult Error()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is null)
        {
            return NothingHere();
        }

        LogFailure(logger, failure.Path, HttpContext.TraceIdentifier);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", HttpContext.TraceIdentifier);
    }

    [Route("{code:int}")]
    public IActionResult Status(int code)
    {
        // Re-executed, the original status counts: the code in the address cannot be bound when the request's
        // form could not be read (a body over the limit), which would otherwise show "Page not found".
        // Asked for by address, there is no failure to show.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } reExecuted)
        {
            return NothingHere();
        }

        code = reExecuted.OriginalStatusCode;
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("AccessDenied"),
            _ => View("StatusCode", Response.StatusCode),
        };
    }

    /// <summary>The error pages asked for by address rather than reached through a failure: there is nothing to show.</summary>
    private ViewResult NothingHere()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}; shown to the user as reference {TraceId}")]
    private static partial void LogFailure(ILogger logger, string path, string traceId);
}
