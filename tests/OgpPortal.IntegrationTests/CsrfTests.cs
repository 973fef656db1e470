using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Every endpoint that changes state refuses a request without an antiforgery token. The endpoints are
/// taken from the app's own endpoint data source at test time, so a new screen is covered without
/// anyone adding it here. Each is posted by someone its policy lets in (the Support Unit, a point of
/// contact or an IRM researcher by area), so the refusal is the token's, not the policy's.
/// </summary>
public sealed class CsrfTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] StateChanging = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The only state-changing endpoints without a token, and why.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["follow/unsubscribe"] = "RFC 8058 one-click unsubscribe: mail programs post it with the token in the link, without a page",
        ["language"] = "sets the visitor's language cookie only; its form is on every cached public page (ADR 0015)",
        ["follow"] = "anonymous follow by e-mail, double opt-in and rate-limited; its form is on cached public pages (ADR 0015)",
        ["error"] = "error pages, reached by re-executing a failed request of any method; they change nothing",
        ["error/{code:int}"] = "error pages, as above",
    };

    [Fact]
    public async Task Every_state_changing_endpoint_refuses_a_request_without_an_antiforgery_token()
    {
        var endpoints = StateChangingEndpoints();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["support-unit"] = await factory.SignedInClientAsync(DemoAccounts.SupportUnit),
            ["poc"] = await factory.SignedInClientAsync(DemoAccounts.PocNorway),
            ["irm"] = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher),
        };
        var visitor = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        var accepted = new List<string>();
        foreach (var (pattern, method) in endpoints.Where(e => !Exempt.ContainsKey(e.Pattern)))
        {
            var client = clients.GetValueOrDefault(pattern.Split('/')[0]) ?? visitor;
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern))
            {
                Content = new FormUrlEncodedContent([new("Title", "CSRF probe"), new("token", "probe")]),
            };
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{method} /{pattern} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(endpoints.Count > 60, $"Only {endpoints.Count} state-changing endpoints were found; the enumeration is broken.");
        Assert.Empty(accepted);
    }

    [Fact]
    public void The_exemptions_name_endpoints_that_exist()
    {
        var patterns = StateChangingEndpoints().Select(e => e.Pattern).ToHashSet(StringComparer.Ordinal);

        Assert.All(Exempt.Keys, key => Assert.Contains(key, patterns));
    }

    [Fact]
    public void The_API_is_read_only()
    {
        var writes = StateChangingEndpoints().Where(e => e.Pattern.StartsWith("api/", StringComparison.Ordinal)).ToList();

        Assert.Empty(writes);
    }

    /// <summary>Each state-changing route pattern with one method it answers (an endpoint without a method list answers them all).</summary>
    private List<(string Pattern, string Method)> StateChangingEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText?.TrimStart('/') ?? string.Empty, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? StateChanging))
            .SelectMany(e => e.Methods.Intersect(StateChanging).Take(1).Select(m => (e.Pattern, m)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)];

    /// <summary>A URL for a route pattern: numbers for int parameters, an empty id for guids, a word for the rest.</summary>
    private static Uri Fill(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var segments = parsed.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => string.Empty,
        })));
        return new Uri("/" + string.Join('/', segments), UriKind.Relative);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        if (constraints.Contains("int"))
        {
            return "1";
        }

        return constraints.Contains("guid") ? Guid.Empty.ToString() : "NO0090";
    }
}
