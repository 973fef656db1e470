using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Domain.Members;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Areas.SupportUnit.Deadlines;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The demo data follows OGP's calendar: on the day it describes (7 December 2026, the clock fixed there) its deadlines
/// give a plausible picture — two members genuinely late, one whose previous cycle was counted contrary to process
/// (Armenia, which the demo also has under procedural review), the odd-year cohort due next August.
/// </summary>
public sealed class DemoCalendarTests(DemoCalendarTests.OnTheDemosDayFactory factory) : IClassFixture<DemoCalendarTests.OnTheDemosDayFactory>
{
    [Fact]
    public async Task OnTheDemosDay_TwoMembersAreLate_OneCycleWasCountedContrary_AndTheOddCohortIsDueNextAugust()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        var deadlines = await scope.ServiceProvider.GetRequiredService<DeadlinesQuery>().GetAsync(CancellationToken.None);

        deadlines.Late.Select(r => r.Code).ShouldBe(["AM", "DO"], ignoreOrder: true);
        deadlines.Late.Single(r => r.Code == "DO").Pending!.Number.ShouldBe(6, "its sixth plan is submitted, not yet published");
        deadlines.MissedLastCycle.Select(r => (r.Code, r.Cycle.MissedDeadline)).ShouldBe([("AM", new DateOnly(2025, 8, 31))]);
        deadlines.Due.Select(r => r.Code).ShouldBe(["BUE", "DK", "ELG", "MAD", "NO", "PH", "SCO", "UA"], ignoreOrder: true);
        deadlines.Due.ShouldAllBe(r => r.Deadline == new DateOnly(2027, 8, 31) && r.Cycle.Standing == DeadlineStanding.Due);
        deadlines.WithoutCohort.ShouldBeEmpty();
    }

    /// <summary>The demo portal with its clock at noon on 7 December 2026.</summary>
    public sealed class OnTheDemosDayFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero))));
        }

    }
}

/// <summary>A clock that stays at one moment: the portal on a chosen day of OGP's calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
