using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using Xunit.Abstractions;

namespace OgpPortal.IntegrationTests;

/// <summary>The portal on a real Kestrel port, so the server's own request limits (30 MB a body) apply.</summary>
public sealed class KestrelPortalAppFactory : PortalAppFactory
{
    public KestrelPortalAppFactory() => UseKestrel(0);
}

/// <summary>
/// Every form each kind of user can reach, found by walking the pages they can reach, is sent hostile values:
/// over-long text, control characters, right-to-left and emoji text, script and SQL, impossible numbers and
/// dates, choices not offered, missing and repeated fields, the wrong content type and a body over the server's
/// limit. The portal must never fail (5xx): it either does what was asked or says why not. Each kind of user
/// gets a portal of its own, because some of the forms (publish, deactivate) change what the others see.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    /// <summary>One value beyond what ASP.NET Core reads of a form (4 MB a value).</summary>
    private static readonly byte[] OverlongValueBody = Encoding.ASCII.GetBytes("Form.Text=" + new string('x', 5 * 1024 * 1024));

    public static TheoryData<string, string, int> Principals => new()
    {
        { "anonymous", "/", 6 },
        { DemoAccounts.PocNorway, "/poc", 15 },
        { DemoAccounts.IrmResearcher, "/irm", 5 },
        { DemoAccounts.SupportUnit, "/support-unit", 45 },
    };

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task EveryFormAnswersHostileInputWithSuccessOrAMessage_NeverAServerError(string principal, string home, int minimumForms)
    {
        using var factory = new PortalAppFactory();
        var client = await ClientAsync(factory, principal);
        var failures = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var submissions = 0;

        // The hostile submissions change things (a report started, a plan returned), which brings out forms
        // the first walk could not see, so the pages are walked a second time and the new forms sent too.
        for (var pass = 0; pass < 2; pass++)
        {
            var crawl = await FormCrawler.CrawlAsync(client, [home, "/", "/members", "/consultations", "/challenge", "/reports", "/commitments"], maxPages: 200);
            failures.AddRange(crawl.Failures);
            var forms = crawl.Forms.Where(f => done.Add(f.Shape)).ToList();
            if (pass == 0)
            {
                forms.Count.ShouldBeGreaterThanOrEqualTo(minimumForms, $"forms found for {principal} in {crawl.Pages} pages: {string.Join("; ", forms.Select(f => f.Shape))}");
            }

            // The public pages are cached and carry no token (ADR 0015); the sign-in page always has one.
            var token = await client.AntiforgeryTokenAsync(principal == "anonymous" ? "/account/login" : home);
            foreach (var form in forms)
            {
                foreach (var (description, content) in Attempts(form, token))
                {
                    using (content)
                    {
                        submissions++;
                        var problem = await ProblemAsync(client, form.Action, content);
                        if (problem is not null)
                        {
                            failures.Add($"POST {form.Action} (from {form.Page}) with {description}: {problem}");
                        }
                    }
                }

                // A form may have ended the session (a role removed, two-factor reset): sign in again and go on.
                if (principal != "anonymous" && !await IsSignedInAsync(client, home))
                {
                    client.Dispose();
                    client = await ClientAsync(factory, principal);
                    token = await client.AntiforgeryTokenAsync(home);
                }
            }
        }

        client.Dispose();
        output.WriteLine($"{principal}: {submissions} hostile submissions to {done.Count} forms:\n{string.Join("\n", done.Order(StringComparer.Ordinal))}");
        failures.AddRange(await OverlongValuesAsync(factory));
        failures.ShouldBeEmpty($"{failures.Count} of {submissions} hostile submissions to {done.Count} forms as {principal} failed:\n{string.Join("\n", failures)}\n");
    }

    [Fact]
    public async Task ACheckboxPostedAsNeitherTrueNorFalse_ReRendersTheFormWithAMessage_AndSavesNothing()
    {
        using var factory = new PortalAppFactory();
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        using var visitor = factory.CreateBrowserlikeClient();

        using var sent = await visitor.SubmitFormAsync($"/consultations/{planId}", new Dictionary<string, string> { ["Form.Text"] = "A comment with an odd box.", ["Form.ShowAuthor"] = "maybe" }, "form[action$='/comments']");

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.MainTextAsync()).ShouldContain("“maybe” is not a valid");
        (await factory.WithDbAsync(db => db.ConsultationComments.CountAsync(c => c.Text == "A comment with an odd box."))).ShouldBe(0);
    }

    /// <summary>
    /// A browser announcing 40 MB is refused as soon as the form is read, without the portal taking the body in,
    /// with the portal's page saying the request was not completed. The headers and the first 64 kB are sent over
    /// a socket and the answer read, since Kestrel stops reading there and an HTTP client still sending would see
    /// a broken connection rather than the answer.
    /// </summary>
    [Fact]
    public async Task ABodyOverTheServersLimit_IsRefusedWithAMessage_NeverAServerError()
    {
        using var factory = new KestrelPortalAppFactory();
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = address };
        var token = await client.AntiforgeryTokenAsync();
        var planId = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());

        var answers = new List<string>();
        foreach (var action in new[] { "/account/login", "/language", "/follow", $"/consultations/{planId}/comments" })
        {
            using var socket = new System.Net.Sockets.TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            var start = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Form.Text=";
            var head = $"POST {action} HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: {handler.CookieContainer.GetCookieHeader(address)}\r\n"
                + $"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: {40 * 1024 * 1024}\r\n\r\n{start}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 64 * 1024)));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var status = await reader.ReadLineAsync();
            var page = await reader.ReadToEndAsync();
            answers.Add($"{action}: {status} {(page.Contains("The request could not be completed", StringComparison.Ordinal) ? "with the portal's message" : "without it")}");
        }

        // The antiforgery check is the first to read the form; it takes the refused body as no token: 400. The
        // endpoints without a token (language, follow) read it first ([ReadFormFirst]): 413.
        answers.ShouldAllBe(a => a.EndsWith(" 400 Bad Request with the portal's message", StringComparison.Ordinal) || a.EndsWith(" 413 Payload Too Large with the portal's message", StringComparison.Ordinal), string.Join("; ", answers));
    }

    private static async Task<HttpClient> ClientAsync(PortalAppFactory factory, string principal) =>
        principal == "anonymous" ? factory.CreateBrowserlikeClient() : await factory.SignedInClientAsync(principal);

    /// <summary>The submissions made for one form: hostile values in three rounds, then the malformed requests.</summary>
    private static IEnumerable<(string Description, HttpContent Content)> Attempts(CrawledForm form, string token)
    {
        var fields = form.Fields.Where(f => !f.IsToken).ToList();
        for (var round = 0; round < 3; round++)
        {
            // The first two rounds keep the hidden fields (ids, concurrency tokens) so the values reach validation.
            var keepHidden = round < 2;
            var values = fields.Select((f, i) => (f.Name, Value: keepHidden && f.Kind == "hidden" ? new Hostile("its own value", f.Value) : HostileValues.For(f, i + round))).ToList();
            yield return (Describe(values), Body(form, token, values));
        }

        yield return ("every field missing", Body(form, token, []));
        var doubled = fields.SelectMany((f, i) => new[] { (f.Name, new Hostile("its own value", f.Value)), (f.Name, HostileValues.For(f, i)) }).ToList();
        yield return ($"every field twice ({Describe(doubled.Where((_, i) => i % 2 == 1).ToList())})", Body(form, token, doubled));

        var json = JsonSerializer.Serialize(form.Fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Value));
        yield return ("a JSON body", new StringContent(json, Encoding.UTF8, "application/json"));
        yield return ("a text/plain body", new StringContent(string.Join("\n", form.Fields.Select(f => $"{f.Name}={f.Value}")), Encoding.UTF8, "text/plain"));
        var overlong = new ByteArrayContent(OverlongValueBody);
        overlong.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        yield return ("a 5 MB value", overlong);
    }

    private static string Describe(List<(string Name, Hostile Value)> values) =>
        string.Join(", ", values.Where(v => v.Value.Label != "its own value").Select(v => $"{v.Name}={v.Value.Label}"));

    private static HttpContent Body(CrawledForm form, string token, List<(string Name, Hostile Value)> values)
    {
        var pairs = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value.Value)).Prepend(new("__RequestVerificationToken", token)).ToList();
        if (!form.Multipart)
        {
            return new FormUrlEncodedContent(pairs);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in pairs)
        {
            if (form.Fields.FirstOrDefault(f => f.Name == name)?.Kind == "file")
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = "\"../../etc/passwd<script>.csv\"" };
                content.Add(file);
            }
            else
            {
                content.Add(new StringContent(value), name);
            }
        }

        return content;
    }

    /// <summary>Null when the answer is a success (a redirect, or a page with a message) or a readable refusal; otherwise what is wrong.</summary>
    private static async Task<string?> ProblemAsync(HttpClient client, string action, HttpContent content)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(new Uri(action, UriKind.Relative), content);
        }
        catch (HttpRequestException e)
        {
            return $"no answer ({e.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                return response.Headers.Location is null ? $"{status} without a Location" : null;
            }

            if (status is 413 or 415)
            {
                return null;
            }

            var document = await HtmlForms.ParseAsync(response);
            var main = document.QuerySelector("main");
            return status switch
            {
                200 when document.QuerySelectorAll(".alert, .invalid-feedback, [role=alert]").Any(e => e.TextContent.Trim().Length > 0) => null,
                200 => "200 without a success or error message",
                400 or 403 or 404 or 409 or 429 when main?.QuerySelector("h1")?.TextContent.Trim().Length > 0 => null,
                _ => $"{status}: {Shorten(main?.TextContent ?? document.Body?.TextContent)}",
            };
        }
    }

    private static string Shorten(string? text)
    {
        var flat = (text ?? string.Empty).Trim().ReplaceLineEndings(" ");
        return flat.Length <= 300 ? flat : flat[..300];
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client, string home)
    {
        using var response = await client.GetAsync(new Uri(home, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }


    /// <summary>
    /// Text longer than its column allows: SQLite stores it anyway, SQL Server refuses it with an error, so
    /// validation must have stopped it before saving.
    /// </summary>
    private static Task<List<string>> OverlongValuesAsync(PortalAppFactory factory) => factory.WithDbAsync(async db =>
    {
        var found = new List<string>();
        var columns = new HashSet<(string Table, string Column, int Max)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                if (property.GetColumnName(store) is { } column)
                {
                    columns.Add((table, column, property.GetMaxLength()!.Value));
                }
            }
        }

        foreach (var (table, column, max) in columns)
        {
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE length(\"{column}\") > {max}";
            var count = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
            if (count > 0)
            {
                found.Add($"{table}.{column}: {count} value(s) longer than {max} characters were saved");
            }
        }

        return found;
    });
}
