using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>What waits for people, on their dashboards: the Support Unit's queues and the point of contact's own items first.</summary>
public sealed class WorkQueueTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task SupportUnitDashboard_ListsChallengeEntriesToDecide_CommentsToModerate_AndTheDeadlinesCounts()
    {
        var title = $"Open court data {Guid.NewGuid():N}";
        var entryId = await factory.WithDbAsync(async db =>
        {
            var kenya = await db.Members.SingleAsync(m => m.Code == "KE");
            var entry = ChallengeEntry.Draft(kenya, new ChallengeEntryText(title, null, ChallengeArea.Justice, Participation.StandaloneCommitment, null, GovernmentLevel.National, null, "Judiciary of Kenya", OgpValues.None), [("Law in force", new DateOnly(2029, 6, 30))]);
            entry.Submit(PortalRole.PointOfContact, DateTime.UtcNow);
            db.ChallengeEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var norway = await factory.WithDbAsync(db => db.Consultations.Where(c => c.ActionPlan.Member.Code == "NO")
            .Select(c => new { c.ActionPlanId, Held = c.Comments.Count(x => x.Status == CommentStatus.Held) }).SingleAsync());
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var page = await staff.GetDocumentAsync("/support-unit");
        var deadlines = await staff.GetDocumentAsync("/support-unit/deadlines");

        page.GetElementById("challenge-queue-heading")!.ParentElement!.QuerySelector($"a[href='/support-unit/challenge/{entryId}']")!.TextContent.ShouldBe(title);
        norway.Held.ShouldBeGreaterThan(0, "the demo holds a comment for moderation");
        var moderation = page.GetElementById("moderation-queue-heading")!.ParentElement!.QuerySelector($"a[href='/poc/plans/{norway.ActionPlanId}/consultation']")!.ParentElement!.TextContent;
        moderation.ShouldContain($"{norway.Held} comment(s) waiting for moderation");
        var late = deadlines.GetElementById("late-heading")!.QuerySelector(".badge")!.TextContent.Trim();
        var missed = deadlines.GetElementById("missed-heading")!.QuerySelector(".badge")!.TextContent.Trim();
        page.GetElementById("overdue")!.TextContent.ShouldContain($"{late} member(s) late with their action plan in this cycle; {missed} whose previous cycle");
    }

    [Fact]
    public async Task PocDashboard_PutsCommentsToModerateAndReturnedItemsFirst()
    {
        var title = $"Returned entry {Guid.NewGuid():N}";
        await factory.WithDbAsync(async db =>
        {
            var norway = await db.Members.SingleAsync(m => m.Code == "NO");
            var entry = ChallengeEntry.Draft(norway, new ChallengeEntryText(title, null, ChallengeArea.Justice, Participation.StandaloneCommitment, null, GovernmentLevel.National, null, "Ministry of Justice", OgpValues.None), [("Law in force", new DateOnly(2029, 6, 30))]);
            entry.Submit(PortalRole.PointOfContact, DateTime.UtcNow);
            entry.Return(PortalRole.SupportUnit, "Name the law and its date.");
            db.ChallengeEntries.Add(entry);
            return await db.SaveChangesAsync();
        });
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        var items = (await poc.GetDocumentAsync("/poc")).QuerySelectorAll("section[aria-labelledby=action-heading] li").Select(li => li.TextContent).ToList();

        items[0].ShouldContain("comment(s) from the public waiting for your moderation");
        items.FindIndex(i => i.Contains(title, StringComparison.Ordinal)).ShouldBeInRange(1, 2);
        items.Single(i => i.Contains(title, StringComparison.Ordinal)).ShouldContain("Name the law and its date.");
    }
}
