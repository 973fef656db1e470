using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>The <c>generate</c> command's scale data: counts, rules, determinism, what the public sees, and its refusals.</summary>
public sealed class ScaleDataGeneratorTests
{
    /// <summary>
    /// Tables whose rows cannot be the same in two databases: the data-protection keys and the roles (random
    /// keys and GUIDs made at start-up, not by the generator). Everything else must match byte for byte.
    /// </summary>
    private static readonly string[] Nondeterministic = ["DataProtectionKeys", "AspNetRoles"];

    [Fact]
    public async Task Generate_AtTwoPercent_MakesTheScaledCounts_ThroughTheDomainsRules()
    {
        await using var factory = new EmptyPortalAppFactory();

        var (code, output) = await GenerateAsync(factory, "--scale", "0.02");

        code.ShouldBe(0, output);
        output.ShouldContain("Generated scale data (seed 2026, scale 0.02)");
        output.ShouldMatch(@"Database \S+: [0-9.,]+ MB\.");
        await factory.WithDbAsync(async db =>
        {
            (await db.Members.CountAsync()).ShouldBe(6);
            (await db.ActionPlans.CountAsync()).ShouldBe(60);
            (await db.Commitments.CountAsync()).ShouldBe(1_200);
            (await db.Milestones.CountAsync()).ShouldBe(4_000);
            (await db.ChallengeEntries.CountAsync()).ShouldBe(30);
            (await db.CommitmentAssessments.CountAsync()).ShouldBeGreaterThan(0);
            (await db.LegacyAssessments.CountAsync()).ShouldBeGreaterThan(0);

            var members = await db.Members.Select(m => new { m.Code, m.Kind, m.Region, Plans = m.ActionPlans.Count }).ToListAsync();
            members.Select(m => m.Kind).Distinct().Order().ShouldBe([MemberKind.National, MemberKind.Local]);
            members.Select(m => m.Region).Distinct().Count().ShouldBe(4);
            members.Select(m => m.Plans).Distinct().Count().ShouldBeGreaterThan(1, "plan counts vary from member to member");

            var commitments = await db.Commitments.Select(c => new
            {
                c.Identifier,
                c.ActionPlan.Member.Code,
                c.ActionPlan.Status,
                c.ReviewStatus,
                Milestones = c.Milestones.Count,
                Areas = c.PolicyAreas.Count,
                c.StartDate,
                c.EndDate,
                c.ActionPlan.PeriodStart,
                c.ActionPlan.PeriodEnd,
            }).ToListAsync();
            commitments.ShouldAllBe(c => CommitmentIdentifier.BelongsTo(c.Identifier, c.Code));
            commitments.ShouldAllBe(c => c.Milestones > 0 && c.Areas > 0);
            commitments.ShouldAllBe(c => c.StartDate >= c.PeriodStart && c.EndDate <= c.PeriodEnd);
            commitments.Where(c => c.Status == ActionPlanStatus.Published || c.Status == ActionPlanStatus.Closed)
                .ShouldAllBe(c => c.ReviewStatus == CommitmentReviewStatus.Accepted);
            commitments.Select(c => c.Status).Distinct().ShouldContain(ActionPlanStatus.Closed);

            await ShouldBeSearchableAsync(db, 1_200);
            return 0;
        });
    }

    [Fact]
    public async Task AfterGenerate_ThePortalStillNumbersNewRecords_AfterTheGeneratedOnes()
    {
        await using var factory = new EmptyPortalAppFactory();
        (await GenerateAsync(factory, "--scale", "0.01")).Code.ShouldBe(0);

        var (lastMember, lastNote) = await factory.WithDbAsync(async db =>
            (await db.Members.MaxAsync(m => m.Id), await db.ProgressNotes.MaxAsync(n => n.Id)));
        var member = new Member { Name = "Zedland", Code = "ZD", Kind = MemberKind.National, Region = Region.Europe, JoinedYear = 2015 };
        var note = await factory.WithDbAsync(async db =>
        {
            db.Members.Add(member);
            var commitment = await db.Commitments.Include(c => c.ActionPlan).Include(c => c.ProgressNotes)
                .FirstAsync(c => c.ActionPlan.Status == ActionPlanStatus.Published);
            var added = commitment.AddProgressNote(ScaleDataGenerator.ReferenceDay, "Halfway there.", CompletionLevel.Substantial, PortalRole.PointOfContact);
            await db.SaveChangesAsync();
            return added;
        });

        member.Id.ShouldBe(lastMember + 1);
        note.Id.ShouldBe(lastNote + 1);
    }

    [Fact]
    public async Task SameSeedTwice_GivesTheSameDatabase_AnotherSeedDoesNot()
    {
        await using var first = new EmptyPortalAppFactory();
        await using var second = new EmptyPortalAppFactory();
        await using var other = new EmptyPortalAppFactory();

        (await GenerateAsync(first, "--scale", "0.01", "--seed", "11")).Code.ShouldBe(0);
        (await GenerateAsync(second, "--seed", "11", "--scale", "0.01")).Code.ShouldBe(0);
        (await GenerateAsync(other, "--scale", "0.01", "--seed", "12")).Code.ShouldBe(0);

        var a = await ContentHashesAsync(first);
        var b = await ContentHashesAsync(second);
        var c = await ContentHashesAsync(other);
        a.Keys.ShouldContain("Commitments");
        if (!TestDatabase.IsPostgreSql)
        {
            a.Keys.ShouldContain("CommitmentsSearch_data");
        }

        b.ShouldBe(a);
        c["Members"].ShouldNotBe(a["Members"]);
        c["Commitments"].ShouldNotBe(a["Commitments"]);
        c["Milestones"].ShouldNotBe(a["Milestones"]);
    }

    [Fact]
    public async Task OverTheDemoData_PublishedGeneratedPlansArePublicAndSearchable_UnpublishedOnesAreNot_AndASecondRunIsRefused()
    {
        await using var factory = new PortalAppFactory();
        var demoCommitments = await factory.WithDbAsync(db => db.Commitments.CountAsync());

        var (code, output) = await GenerateAsync(factory, "--scale", "0.05");

        code.ShouldBe(0, output);
        var generated = await factory.WithDbAsync(db => db.Commitments
            .Where(c => c.CreatedBy == ScaleDataGenerator.Author)
            .Select(c => new { c.Identifier, c.Title, c.ActionPlanId, c.ActionPlan.Status, c.ActionPlan.Member.Code })
            .ToListAsync());
        generated.Count.ShouldBe(3_000);
        (await factory.WithDbAsync(db => db.Commitments.CountAsync())).ShouldBe(demoCommitments + 3_000);

        using var visitor = factory.CreateBrowserlikeClient();
        var published = generated.Where(c => c.Status == ActionPlanStatus.Published).MaxBy(c => c.Title.Length)!;
        var closed = generated.First(c => c.Status == ActionPlanStatus.Closed);
        foreach (var shown in new[] { published, closed })
        {
            var plan = await visitor.GetDocumentAsync($"/action-plans/{shown.ActionPlanId}");
            plan.Body!.TextContent.ShouldContain(shown.Title);
            var page = await visitor.GetDocumentAsync($"/commitments/{shown.Identifier}");
            page.QuerySelector("h1")!.TextContent.ShouldContain(shown.Title);
        }

        var found = await visitor.GetDocumentAsync(Search(published.Title, published.Code));
        CommitmentSearchTests.Identifiers(found).ShouldContain(published.Identifier);

        foreach (var status in new[] { ActionPlanStatus.Draft, ActionPlanStatus.Submitted })
        {
            var hidden = generated.First(c => c.Status == status);
            (await visitor.GetAsync(new Uri($"/action-plans/{hidden.ActionPlanId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await visitor.GetAsync(new Uri($"/commitments/{hidden.Identifier}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            CommitmentSearchTests.Identifiers(await visitor.GetDocumentAsync(Search(hidden.Title, hidden.Code))).ShouldNotContain(hidden.Identifier);
        }

        var (again, refusal) = await GenerateAsync(factory, "--scale", "0.05");
        again.ShouldBe(1);
        refusal.ShouldContain("already holds generated scale data");
        (await factory.WithDbAsync(db => db.Commitments.CountAsync())).ShouldBe(demoCommitments + 3_000);
    }

    [Fact]
    public async Task ADatabaseWithOtherAccountsOrMembers_IsRefused_AndNothingIsSaved()
    {
        await using var withAccount = new PortalAppFactory();
        await withAccount.CreateUserAsync(PortalRoles.SupportUnit);
        await using var withMember = new EmptyPortalAppFactory();
        await withMember.WithDbAsync(db =>
        {
            db.Members.Add(new Member { Name = "Zedland", Code = "ZD", Kind = MemberKind.National, Region = Region.Europe, JoinedYear = 2015 });
            return db.SaveChangesAsync();
        });

        var (accountCode, accountOutput) = await GenerateAsync(withAccount, "--scale", "0.01");
        var (memberCode, memberOutput) = await GenerateAsync(withMember, "--scale", "0.01");

        accountCode.ShouldBe(1);
        accountOutput.ShouldContain("accounts other than the demo accounts");
        accountOutput.ShouldContain("Nothing was saved.");
        memberCode.ShouldBe(1);
        memberOutput.ShouldContain("members other than the demo data (such as ZD)");
        (await withAccount.WithDbAsync(db => db.Members.CountAsync(m => m.Notes == ScaleDataGenerator.Marker))).ShouldBe(0);
        (await withMember.WithDbAsync(db => db.Members.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData("--scale")]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "-1")]
    [InlineData("--scale", "11")]
    [InlineData("--scale", "lots")]
    [InlineData("--scale", "0,5")]
    [InlineData("--seed", "1.5")]
    [InlineData("--scale", "1", "--scale", "2")]
    [InlineData("--force")]
    [InlineData("extra")]
    public async Task WrongUsage_PrintsTheUsage_AndExits2(params string[] options)
    {
        using var output = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();

        var code = await GenerateCommand.RunAsync(services, [GenerateCommand.Name, .. options], output, CancellationToken.None);

        code.ShouldBe(2);
        output.ToString().ShouldContain("Usage: generate [--scale 1.0] [--seed 2026]");
    }

    private static async Task<(int Code, string Output)> GenerateAsync(PortalAppFactory factory, params string[] options)
    {
        using var output = new StringWriter();
        var code = await GenerateCommand.RunAsync(factory.Services, [GenerateCommand.Name, .. options], output, CancellationToken.None);
        return (code, output.ToString());
    }

    /// <summary>Every table's fingerprint but those that cannot match (<see cref="Nondeterministic"/>).</summary>
    private static async Task<Dictionary<string, string>> ContentHashesAsync(PortalAppFactory factory)
    {
        var fingerprints = await AccessMatrix.FingerprintAsync(factory.Database);
        foreach (var table in Nondeterministic)
        {
            fingerprints.Remove(table).ShouldBeTrue(table);
        }

        return fingerprints;
    }

    /// <summary>
    /// The full-text index holds every commitment, and keeps itself for the portal's own writes: on SQLite the FTS5
    /// table and its triggers (dropped for the run) are back; on PostgreSQL every row has its generated vector and
    /// the GIN index is there.
    /// </summary>
    private static async Task ShouldBeSearchableAsync(PortalDbContext db, int commitments)
    {
        if (TestDatabase.IsPostgreSql)
        {
            var vectors = await db.Database.SqlQueryRaw<int>("SELECT COUNT(\"SearchVector\")::int AS \"Value\" FROM \"Commitments\"").SingleAsync();
            vectors.ShouldBe(commitments);
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'Commitments' AND indexname = 'IX_Commitments_SearchVector'").ToListAsync();
            indexes.ShouldHaveSingleItem().ShouldContain("USING gin (\"SearchVector\")");
            return;
        }

        var indexed = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"CommitmentsSearch_docsize\"").SingleAsync();
        indexed.ShouldBe(commitments);
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Commitments'").ToListAsync();
        triggers.Order().ShouldBe(["Commitments_SearchDelete", "Commitments_SearchInsert", "Commitments_SearchUpdate"]);
    }

    /// <summary>A search for every word of a title (the first ten), within its member.</summary>
    /// <summary>A search for the title's first words (the search takes ten words, and refuses over 200 characters).</summary>
    private static string Search(string title, string memberCode) =>
        $"/commitments?q={Uri.EscapeDataString(string.Join(' ', title.Split(' ').Take(10)))}&member={memberCode}&pageSize=100";
}
