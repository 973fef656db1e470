using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Api;
using Scalar.AspNetCore;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// The open data API's plumbing: problem details for bad parameters, CORS for GET from any site, the
/// OpenAPI document of <c>/api/v1</c> and its reference page (docs/decisions/0008-open-data-and-public-api.md).
/// </summary>
public static class OpenDataHosting
{
    /// <summary>Any site may read the public data from a browser: GET and HEAD, no cookies, no credentials.</summary>
    public const string CorsPolicy = "open-data";

    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        // [ApiController] answers a parameter that cannot be read (a word for an id, an unknown region)
        // with a 400 problem naming it, in place of MVC's generic body.
        services.Configure<ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = context => ApiProblems.BadParameters(context.HttpContext, context.ModelState));
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("ETag", "Link")));

        // The OpenAPI generator reads these options: enums are documented, as served, by name.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true
                && description.HttpMethod == HttpMethods.Get;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OGP Portal open data API";
                document.Info.Version = "v1";
                document.Info.Description = "Read-only access to the portal's public records: members, published and closed action plans, "
                    + "their commitments with milestones and IRM assessments from published reports, and accepted Open Gov Challenge entries. "
                    + "Anonymous; GET and HEAD only; paged lists (page, pageSize up to 100) with links; ETags and If-None-Match; "
                    + "errors as application/problem+json. The same records can be downloaded whole from /data.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapOpenData(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(CorsPolicy);

        // Scalar's script is served from the package itself (ReferencePath/scalar.js); everything that would
        // reach the internet (fonts from its CDN, telemetry, its AI agent and MCP) is switched off.
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("OGP Portal open data API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools())
            .WithSecurityHeadersPolicy(SecurityHeaders.ApiReferencePolicy);
        return app;
    }
}
