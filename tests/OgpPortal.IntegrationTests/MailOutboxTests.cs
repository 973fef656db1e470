using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using Serilog.Core;
using Serilog.Events;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Mail goes through the outbox: with the mail server down the action still succeeds, the message waits
/// and is delivered once when the server is back; after the last allowed attempt it is marked failed.
/// The "mail server" is the pickup folder, taken down by a plain file in its place.
/// </summary>
public sealed class MailOutboxTests(MailOutboxTests.QuickRetryFactory factory) : IClassFixture<MailOutboxTests.QuickRetryFactory>
{
    [Fact]
    public async Task WithTheMailServerDown_APasswordResetStillSucceeds_AndTheMailIsDeliveredOnceWhenTheServerIsBack()
    {
        var user = await factory.CreateUserAsync(PortalRoles.PointOfContact);
        using var client = factory.CreateBrowserlikeClient();
        await using (MailServerDown())
        {
            using var requested = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
            requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            requested.Headers.Location!.OriginalString.ShouldBe("/account/forgot-password/sent");

            var waiting = await MailWhenAsync(user.Email!, m => m.Attempts >= 1 && m.LastError != null);
            waiting.Attempts.ShouldBe(1);
            waiting.SentAt.ShouldBeNull();
            waiting.FailedAt.ShouldBeNull();
            waiting.LastError!.ShouldContain("Could not write e-mail");
            waiting.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow);
        }

        var sent = await MailWhenAsync(user.Email!, m => m.SentAt != null);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
        var mail = (await factory.MailsToAsync(user.Email!)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Reset your OGP Portal password");
        mail.TextBody!.ShouldContain("/account/reset-password?code=");
    }

    [Fact]
    public async Task AMailThatFailsEveryAllowedAttempt_IsMarkedFailedAndLogged_AndNotTriedAgain()
    {
        var address = $"never-{Guid.NewGuid():N}@example.org";
        await using (MailServerDown())
        {
            await SendAsync(new EmailMessage(address, "Undeliverable test message", "Body with a secret link https://portal.example.org/secret-token"));
            var failed = await MailWhenAsync(address, m => m.FailedAt != null);
            failed.Attempts.ShouldBe(QuickRetryFactory.MaxAttempts);
            failed.SentAt.ShouldBeNull();
            failed.LastError!.ShouldContain("Could not write e-mail");

            await Task.Delay(QuickRetryFactory.RetryDelay * 2);
            (await MailWhenAsync(address, _ => true)).Attempts.ShouldBe(QuickRetryFactory.MaxAttempts);
        }

        await Task.Delay(QuickRetryFactory.RetryDelay * 2);
        (await MailWhenAsync(address, _ => true)).Attempts.ShouldBe(QuickRetryFactory.MaxAttempts, "a failed mail stays failed when the server is back");
        (await factory.MailsToAsync(address)).ShouldBeEmpty();

        var gaveUp = factory.Log.Events.Where(e => e.Level == LogEventLevel.Error && e.RenderMessage().Contains("Undeliverable test message", StringComparison.Ordinal)).ShouldHaveSingleItem();
        gaveUp.RenderMessage().ShouldContain("failed after 3 attempts and will not be tried again");
        factory.Log.Events.Count(e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("Undeliverable test message", StringComparison.Ordinal))
            .ShouldBe(QuickRetryFactory.MaxAttempts - 1, "each earlier failed attempt is a warning");
        factory.Log.Events.ShouldNotContain(e => e.RenderMessage().Contains("secret-token", StringComparison.Ordinal), "the message's text is never logged");
    }

    [Fact]
    public async Task SendingAMail_SavesOnlyTheMail_NotTheCallersUnsavedChanges()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var member = await db.Members.SingleAsync(m => m.Code == "NO");
        var name = member.Name;
        member.Name = "Changed but never saved";

        var address = $"outbox-{Guid.NewGuid():N}@example.org";
        await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(address, "Only me", "Text"));

        (await factory.MailsToAsync(address)).ShouldHaveSingleItem().Subject.ShouldBe("Only me");
        (await factory.WithDbAsync(d => d.Members.Where(m => m.Code == "NO").Select(m => m.Name).SingleAsync())).ShouldBe(name);
    }

    private async Task SendAsync(EmailMessage message)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendAsync(message);
    }

    /// <summary>A plain file where the mail folder should be: every delivery fails until it is removed.</summary>
    private MailServerOutage MailServerDown() => new(factory.MailDirectory);

    private async Task<OutgoingMail> MailWhenAsync(string address, Func<OutgoingMail, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var mail = await factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleOrDefaultAsync(m => m.To == address));
            if (mail is not null && condition(mail))
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox row for {address} did not reach the expected state: attempts {mail?.Attempts}, sent {mail?.SentAt}, failed {mail?.FailedAt}.");
            }

            await Task.Delay(50);
        }
    }

    private sealed class MailServerOutage : IAsyncDisposable
    {
        private readonly string _path;

        public MailServerOutage(string path)
        {
            _path = path;
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            File.WriteAllText(path, "not a folder");
        }

        public ValueTask DisposeAsync()
        {
            File.Delete(_path);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Retries after three seconds, three attempts at most: the schedule of days, shrunk for a test.</summary>
    public sealed class QuickRetryFactory : PortalAppFactory
    {
        public const int MaxAttempts = 3;
        public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

        /// <summary>What the portal logged (warnings and errors: the tests' minimum level).</summary>
        public CollectedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
            builder.UseSetting("Email:Outbox:RetryDelays:0", RetryDelay.ToString());
            builder.UseSetting("Email:Outbox:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Outbox:PollInterval", "00:00:00.500");
        }
    }

    /// <summary>A Serilog sink the portal picks up from its services (<c>ReadFrom.Services</c>).</summary>
    public sealed class CollectedLog : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
