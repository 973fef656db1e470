using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

public sealed class DatabaseTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Database_IsTheTestsOwnOnTheEngineOfThisTestRun()
    {
        var settings = factory.Services.GetRequiredService<DatabaseSettings>();

        settings.Provider.ShouldBe(TestDatabase.Engine);
        if (factory.Database is PostgreSqlTestDatabase postgres)
        {
            (await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync())).ShouldBe(postgres.Name);
            (await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName))).ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        }
        else
        {
            settings.ConnectionString.ShouldContain(factory.DatabasePath);
            File.Exists(factory.DatabasePath).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task DemoData_HasDenmarksPlanWithFourteenCommitmentsInFourThemes()
    {
        var denmark = await factory.WithDbAsync(db => db.ActionPlans
            .Where(p => p.Member.Code == "DK" && p.Number == 4)
            .Select(p => new
            {
                p.Status,
                Commitments = p.Commitments.Count,
                Themes = p.Commitments.Select(c => c.Theme).Distinct().Count(),
                WithoutMilestones = p.Commitments.Count(c => c.Milestones.Count == 0),
            })
            .SingleAsync());

        denmark.Status.ShouldBe(ActionPlanStatus.Closed);
        denmark.Commitments.ShouldBe(14);
        denmark.Themes.ShouldBe(4);
        denmark.WithoutMilestones.ShouldBe(0);
    }

    [Fact]
    public async Task DemoData_CoversTheFourRegionsAndBothKindsOfMember()
    {
        var members = await factory.WithDbAsync(db => db.Members.Select(m => new { m.Kind, m.Region, m.Code }).ToListAsync());

        members.Count(m => m.Kind == Domain.Members.MemberKind.National).ShouldBeGreaterThanOrEqualTo(8);
        members.Count(m => m.Kind == Domain.Members.MemberKind.Local).ShouldBeGreaterThanOrEqualTo(3);
        members.Select(m => m.Region).Distinct().Count().ShouldBe(4);
        members.Select(m => m.Code).ShouldContain("NO");
    }

    [Fact]
    public async Task DemoData_HasNorwaysFifthPlanInPublicConsultation()
    {
        var status = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Status).SingleAsync());

        status.ShouldBe(ActionPlanStatus.InConsultation);
    }

    [Fact]
    public async Task Saving_StampsWhoAndWhen()
    {
        var stamps = await factory.WithDbAsync(db => db.Commitments.Select(c => new { c.CreatedBy, c.CreatedAt, c.UpdatedAt }).FirstAsync());

        stamps.CreatedBy.ShouldBe(AuditInterceptor.SystemUser);
        stamps.CreatedAt.ShouldBeGreaterThan(DateTime.UtcNow.AddHours(-1));
        stamps.UpdatedAt.ShouldBeGreaterThanOrEqualTo(stamps.CreatedAt);
    }

    [Fact]
    public async Task SavingAStaleCommitment_IsRefusedInsteadOfOverwritingAnotherEdit()
    {
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<PortalDbContext>();
        var draftCommitment = await dbA.Commitments.Where(c => c.Identifier == "NO0092").Include(c => c.ActionPlan).ThenInclude(p => p.Member).SingleAsync();
        var sameCommitment = await dbB.Commitments.Where(c => c.Identifier == "NO0092").Include(c => c.ActionPlan).ThenInclude(p => p.Member).SingleAsync();

        draftCommitment.UpdateText(TextWithTitle(draftCommitment, "First editor's title"));
        await dbA.SaveChangesAsync();
        sameCommitment.UpdateText(TextWithTitle(sameCommitment, "Second editor's title"));

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        var saved = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "NO0092").Select(c => c.Title).SingleAsync());
        saved.ShouldBe("First editor's title");
    }

    [Fact]
    public async Task ChangingAStaleCommitmentsMilestones_IsRefusedToo()
    {
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var first = await LoadWithMilestonesAsync(scopeA, "NO0090");
        var second = await LoadWithMilestonesAsync(scopeB, "NO0090");

        first.Commitment.AddMilestone("Added by the first editor", new DateOnly(2027, 5, 1));
        await first.Db.SaveChangesAsync();
        second.Commitment.RemoveMilestone(second.Commitment.Milestones.First());

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.Db.SaveChangesAsync());
        var milestones = await factory.WithDbAsync(db => db.Milestones.CountAsync(m => m.Commitment.Identifier == "NO0090"));
        milestones.ShouldBe(first.Commitment.Milestones.Count);
    }

    [Fact]
    public async Task Instants_ComeBackMarkedAsUtc()
    {
        var published = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.PublishedAt != null).Select(p => p.PublishedAt!.Value).FirstAsync());
        var created = await factory.WithDbAsync(db => db.Members.Select(m => m.CreatedAt).FirstAsync());

        published.Kind.ShouldBe(DateTimeKind.Utc);
        created.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task Saving_WritesAnAuditTrailOfWhatChanged()
    {
        await factory.WithDbAsync(async db =>
        {
            var commitment = await db.Commitments.Include(c => c.ActionPlan).ThenInclude(p => p.Member).SingleAsync(c => c.Identifier == "NO0091");
            commitment.UpdateText(TextWithTitle(commitment, "Proactive publication in eInnsyn, revised"));
            commitment.AddMilestone("Publish a guide for agencies", new DateOnly(2027, 9, 30));
            return await db.SaveChangesAsync();
        });

        var trail = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.SubjectType == "Commitment" && a.SubjectKey == "NO0091")
            .OrderBy(a => a.Id)
            .ToListAsync());

        trail.First().Action.ShouldBe(AuditAction.Created);
        var changed = trail.Single(a => a.Action == AuditAction.Changed && a.EntityType == "Commitment");
        changed.Changes.ShouldContain("\"Property\":\"Title\"");
        changed.Changes.ShouldContain("Proactive publication in eInnsyn, revised");
        changed.UserName.ShouldBe(AuditInterceptor.SystemUser);
        trail.ShouldContain(a => a.Action == AuditAction.Created && a.EntityType == "Milestone" && a.Changes.Contains("Publish a guide for agencies"));
    }

    private static async Task<(PortalDbContext Db, Commitment Commitment)> LoadWithMilestonesAsync(AsyncServiceScope scope, string identifier)
    {
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var commitment = await db.Commitments
            .Include(c => c.Milestones)
            .Include(c => c.ActionPlan).ThenInclude(p => p.Member)
            .SingleAsync(c => c.Identifier == identifier);
        return (db, commitment);
    }

    private static CommitmentText TextWithTitle(Commitment c, string title) =>
        new(title, c.ShortTitle, c.Problem, c.Description, c.Solution, c.LeadInstitution, c.SupportingInstitutions, c.StartDate, c.EndDate, c.Values, c.ChallengeArea, c.Theme);
}
