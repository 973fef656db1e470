using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Notifications;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Deadline reminders on 15 July 2027, 47 days before the odd-year cohort's 31 August: Norway's fifth plan is in
/// consultation, not delivered, so its points of contact get the 60-day reminder, once.
/// </summary>
public sealed class DeadlineReminderTests(DeadlineReminderTests.InJulyFactory factory) : IClassFixture<DeadlineReminderTests.InJulyFactory>
{
    private const string NorwaySubject = "Norway's action plan 5 is due on 31 August 2027";

    [Fact]
    public async Task APlanNotYetDelivered_GetsItsReminderOnce_HoweverOftenTheRunLooks()
    {
        // The hosted service looks at start-up too: whichever run records the reminder first sends it.
        await RunAsync();
        await RunAsync();

        // The outbox reads the portal's clock (in 2027) and the test's wait for it the machine's: look until it is sent.
        var mails = await NorwayRemindersAsync();
        for (var look = 0; look < 40 && mails.Count == 0; look++)
        {
            await Task.Delay(250);
            mails = await NorwayRemindersAsync();
        }

        mails.Count.ShouldBe(1);
        (mails[0].TextBody ?? string.Empty).ShouldContain("within 60 days");
        (await factory.WithDbAsync(db => db.DeadlineReminders.CountAsync(r => r.DaysBefore == 60 && db.Members.Any(m => m.Id == r.MemberId && m.Code == "NO")))).ShouldBe(1);
    }

    private async Task<List<MimeKit.MimeMessage>> NorwayRemindersAsync() =>
        (await factory.MailsToAsync(DemoAccounts.PocNorway)).Where(m => m.Subject == NorwaySubject).ToList();

    private async Task RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminderRun>().SendDueAsync(CancellationToken.None);
    }

    public sealed class InJulyFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2027, 7, 15, 9, 0, 0, TimeSpan.Zero))));
        }
    }
}
