using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Security events reach the portal's log file with the account and the client's address, and without the
/// password, the code or the e-mail address that was typed (issue 9, ASVS V16).
/// </summary>
public sealed class SecurityLogTests(SecurityLogTests.FromOneAddressFactory factory) : IClassFixture<SecurityLogTests.FromOneAddressFactory>
{
    private const string Address = "203.0.113.7";

    [Fact]
    public async Task Failed_sign_ins_are_logged_with_the_account_and_address_but_not_what_was_typed()
    {
        var person = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();

        using var wrong = await client.PostLoginAsync(person.Email!, "Wrong-password-4711");
        using var unknown = await client.PostLoginAsync("nobody-here@example.org", "Another-guess-0815");

        var log = await LogAsync($"sign-in failed for account {person.Id} from {Address}", $"sign-in failed for account (no such account) from {Address}");
        log.ShouldNotContain("Wrong-password-4711");
        log.ShouldNotContain("Another-guess-0815");
        log.ShouldNotContain("nobody-here@example.org");
        log.ShouldNotContain(person.Email!);
    }

    [Fact]
    public async Task A_lockout_is_logged()
    {
        var person = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await client.PostLoginAsync(person.Email!, $"Wrong-password-{attempt}");
        }

        await LogAsync($"account {person.Id} locked out after failed sign-ins, last from {Address}");
    }

    [Fact]
    public async Task A_refused_request_is_logged_with_who_asked_for_what()
    {
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var pocId = await IdOfAsync(DemoAccounts.PocKenya);

        using var response = await poc.GetAsync(new Uri("/support-unit/people", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await LogAsync($"403 for GET /support-unit/people to {pocId} from {Address}");
    }

    [Fact]
    public async Task A_role_change_is_logged_with_the_person_who_made_it()
    {
        var researcher = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var staffId = await IdOfAsync(DemoAccounts.SupportUnit);

        using var changed = await staff.SubmitFormAsync($"/support-unit/people/{researcher.Id}", new Dictionary<string, string> { ["RoleForm.Role"] = "PointOfContact" }, "form[action$='/role']");
        using var deactivated = await staff.SubmitFormAsync($"/support-unit/people/{researcher.Id}", new Dictionary<string, string>(), "form[action$='/deactivate']");

        await LogAsync(
            $"role changed from IrmResearcher to PointOfContact for account {researcher.Id} by {staffId} from {Address}",
            $"account deactivated for account {researcher.Id} by {staffId} from {Address}");
    }

    private Task<string> IdOfAsync(string email) => factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The log, once it holds every line expected (events are written as they come; give them a moment).</summary>
    private async Task<string> LogAsync(params string[] expected)
    {
        var text = string.Empty;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            text = factory.Log.Text;
            if (expected.All(e => text.Contains(e, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The log lacks: {string.Join(" | ", expected.Where(e => !text.Contains(e, StringComparison.Ordinal)))}\nIt has:\n{text}");
        return text;
    }

    /// <summary>
    /// The test server has no network, so no client address: this factory gives every request one from the
    /// documentation range, as Kestrel (or the forwarded-headers middleware behind a proxy) would. The app's
    /// Serilog pipeline also writes to <see cref="Log"/>, a sink of its own, beside the console and file.
    /// </summary>
    public sealed class FromOneAddressFactory : PortalAppFactory
    {
        public LogText Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddress>().AddSingleton<ILogEventSink>(Log));
        }

        private sealed class ClientAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(Address);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    /// <summary>A Serilog sink that keeps the rendered messages, as the file sink would write them.</summary>
    public sealed class LogText : ILogEventSink
    {
        /// <summary>The message part of the file sink's default template: text as written, without quotes.</summary>
        private static readonly MessageTemplateTextFormatter Format = new("{Message:lj}");

        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public void Emit(LogEvent logEvent)
        {
            ArgumentNullException.ThrowIfNull(logEvent);
            using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Format.Format(logEvent, line);
            _lines.Enqueue(line.ToString());
        }
    }
}
