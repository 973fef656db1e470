using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OgpPortal.Web.Api;

/// <summary>How the API says what went wrong: an RFC 9457 problem details body, never an HTML page.</summary>
public static class ApiProblems
{
    public const string PathPrefix = "/api";

    /// <summary>400 for parameters that cannot be read or are out of range, naming each one in <c>detail</c>.</summary>
    public static IActionResult BadParameters(HttpContext context, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(modelState);
        var messages = modelState
            .SelectMany(entry => entry.Value!.Errors.Select(e => e.ErrorMessage.StartsWith(entry.Key, StringComparison.Ordinal) ? e.ErrorMessage : $"{entry.Key}: {e.ErrorMessage}"))
            .Distinct();
        var problem = context.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateValidationProblemDetails(
            context, modelState, StatusCodes.Status400BadRequest, "Bad parameters", detail: string.Join(" ", messages));
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    /// <summary>
    /// Under <c>/api</c>: no HTML error page, and an error the endpoint left without a body (405 for a POST,
    /// 404 for an unknown path) gets a problem details body too.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(PathPrefix), api => api.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            await next(context);
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                var problem = new ProblemDetails
                {
                    Status = response.StatusCode,
                    Title = ReasonPhrases(response.StatusCode),
                    Detail = response.StatusCode switch
                    {
                        StatusCodes.Status405MethodNotAllowed => "The open data API is read-only: only GET and HEAD are allowed.",
                        StatusCodes.Status404NotFound => "There is no such address in the API; see /openapi/v1.json for the endpoints.",
                        _ => null,
                    },
                };
                response.ContentType = "application/problem+json";
                await JsonSerializer.SerializeAsync(response.Body, problem, JsonSerializerOptions.Web, context.RequestAborted);
            }
        }));

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
