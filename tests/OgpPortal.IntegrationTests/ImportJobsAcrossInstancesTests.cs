using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Areas.SupportUnit.DataImport;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Import jobs behind a load balancer: two instances over one database. A job uploaded through one is followed
/// and reported by the other; a job is run by one instance only; a job whose instance died ends as failed; ended
/// jobs and uploaded files do not pile up.
/// </summary>
public sealed class ImportJobsAcrossInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const string Screen = "/support-unit/data-import";

    [Fact]
    public async Task AJobUploadedThroughOneInstance_IsFollowedAndReportedByTheOther()
    {
        using var first = await instances.First.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var second = await instances.Second.SignedInClientAsync(DemoAccounts.SupportUnit);

        var job = await DataImportScreenTests.UploadAsync(first, ("zedland.csv", DataImportScreenTests.Zedland), DataImportScreenTests.DryRun);
        using var progress = await second.GetAsync(new Uri($"{job}/progress", UriKind.Relative));
        var list = await second.GetDocumentAsync(Screen);
        var finished = await DataImportScreenTests.WaitUntilFinishedAsync(second, job);
        var report = await second.GetDocumentAsync(job);
        using var csv = await second.GetAsync(new Uri($"{job}/report.csv", UriKind.Relative));

        progress.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        list.QuerySelectorAll("#recent-imports a").Select(a => a.GetAttribute("href")).ShouldContain(job);
        finished.GetProperty("state").GetString().ShouldBe("Done");
        finished.GetProperty("percent").GetInt32().ShouldBe(100);
        report.QuerySelector("main")!.TextContent.ShouldContain("Nothing was saved");
        DataImportScreenTests.CommitmentsRow(report)[0].ShouldBe("2");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldStartWith("Kind,Line,Identifier,Column,Reason");
        (await instances.Second.WithDbAsync(db => db.ImportJobFiles.AnyAsync(f => f.JobId == IdOf(job)))).ShouldBeFalse("the uploaded file is deleted when the job ends");
    }

    [Fact]
    public async Task ARunningJob_ShowsTheProgressItsInstanceWrote_OnTheOtherInstance()
    {
        var id = await AddJobAsync(ImportJobState.Running, DateTime.UtcNow, job =>
        {
            job.RunBy = "another instance";
            job.StartedAt = DateTime.UtcNow;
            job.LeasedUntil = DateTime.UtcNow.AddMinutes(10);
            job.Percent = 42;
            job.Stage = ImportProgress.Reading;
            job.RowsRead = 12_000;
        });
        using var second = await instances.Second.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var progress = await second.GetAsync(new Uri($"{Screen}/{id}/progress", UriKind.Relative));
        var page = await second.GetDocumentAsync($"{Screen}/{id}");

        using var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("state").GetString().ShouldBe("Running");
        json.RootElement.GetProperty("finished").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("percent").GetInt32().ShouldBe(42);
        json.RootElement.GetProperty("label").GetString().ShouldBe("42% — reading rows (12,000 read)");
        page.QuerySelector("progress")!.GetAttribute("value").ShouldBe("42");
    }

    [Fact]
    public async Task SeveralJobs_EachRunOnce_OnWhicheverInstanceClaimsIt()
    {
        using var first = await instances.First.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var second = await instances.Second.SignedInClientAsync(DemoAccounts.SupportUnit);
        var codes = new[] { "QA", "QB", "QC" };

        var jobs = new List<string>();
        foreach (var code in codes)
        {
            var file = OgpFiles.Small(OgpFiles.Row(1, "Open budgets", code, name: $"Land {code}"), OgpFiles.Row(2, "Open contracts", code, name: $"Land {code}"));
            jobs.Add(await DataImportScreenTests.UploadAsync(first, ($"{code}.csv", file), DataImportScreenTests.ForReal));
        }

        foreach (var job in jobs)
        {
            (await DataImportScreenTests.WaitUntilFinishedAsync(second, job)).GetProperty("state").GetString().ShouldBe("Done");
            DataImportScreenTests.CommitmentsRow(await second.GetDocumentAsync(job))[1].ShouldBe("2", "created");
        }

        var creations = await instances.First.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Commitment" && a.Action == AuditAction.Created && codes.Contains(a.MemberCode!))
            .GroupBy(a => a.SubjectKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        creations.Count.ShouldBe(6);
        creations.ShouldAllBe(c => c.Count == 1, "each commitment was created by one run of its import");
    }

    [Fact]
    public async Task TwoRunnersRacingForQueuedJobs_ClaimEachJobOnce()
    {
        var runners = new[] { Runner(instances.First), Runner(instances.Second) };
        var queuedAt = DateTime.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await AddJobAsync(ImportJobState.Queued, queuedAt.AddMilliseconds(i), content: DataImportScreenTests.Zedland));
        }

        // Eight claimants, four on each instance, take jobs as fast as they can, racing each other and the
        // runners' own loops (which run what they claim).
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await runners[i % 2].ClaimNextAsync(CancellationToken.None) is { } job)
            {
                mine.Add(job.Id);
            }

            return mine;
        })));
        var claimedHere = claims.SelectMany(c => c).Where(ids.Contains).ToList();
        var jobs = await WaitAsync(db => db.ImportJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(), all => all.All(j => j.State != ImportJobState.Queued && (claimedHere.Contains(j.Id) || j.IsFinished)));

        claimedHere.ShouldBeUnique();
        foreach (var job in jobs)
        {
            if (claimedHere.Contains(job.Id))
            {
                job.State.ShouldBe(ImportJobState.Running, "claimed here and so never run by a runner's loop");
                runners.Select(r => r.Name).ShouldContain(job.RunBy);
            }
            else
            {
                job.State.ShouldBe(ImportJobState.Done, "claimed and run by a runner's loop");
            }
        }
    }

    [Fact]
    public async Task AJobLeftRunningByAnInstanceThatDied_IsMarkedFailedWhenItsLeasePasses()
    {
        var id = await AddJobAsync(ImportJobState.Running, DateTime.UtcNow, job =>
        {
            job.RunBy = "an instance that died";
            job.StartedAt = DateTime.UtcNow.AddMinutes(-10);
            job.LeasedUntil = DateTime.UtcNow.AddSeconds(3);
            job.Percent = 30;
            job.Stage = ImportProgress.Reading;
        }, DataImportScreenTests.Zedland);
        var duringLease = await instances.First.WithDbAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        using var second = await instances.Second.SignedInClientAsync(DemoAccounts.SupportUnit);

        var failed = await WaitAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id), j => j.State == ImportJobState.Failed);
        var page = await second.GetDocumentAsync($"{Screen}/{id}");

        duringLease.State.ShouldBe(ImportJobState.Running);
        failed.Failure.ShouldBe(ImportJob.AbandonedMessage);
        failed.FinishedAt.ShouldNotBeNull();
        failed.FinishedAt.Value.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-1));
        page.QuerySelector("main .alert-danger")!.TextContent.ShouldContain("The instance of the portal running the import stopped before it finished. Nothing was saved.");
        page.QuerySelector("progress").ShouldBeNull();

        // The runner deletes the ended job's file right after marking it failed (a second statement): wait for it.
        (await WaitAsync(db => db.ImportJobFiles.AnyAsync(f => f.JobId == id), left => !left)).ShouldBeFalse("the uploaded file is deleted when the job ends");
    }

    [Fact]
    public async Task EndedJobs_OlderThan30DaysOrBeyondTheNewest20_AreDeleted()
    {
        using var first = await instances.First.SignedInClientAsync(DemoAccounts.SupportUnit);
        var monthOld = await AddJobAsync(ImportJobState.Done, DateTime.UtcNow.AddDays(-31), job => job.FinishedAt = DateTime.UtcNow.AddDays(-31));
        (await EndedAsync()).Count.ShouldBeLessThan(ImportJobs.Kept);

        // Each job's end prunes the list.
        await DataImportScreenTests.WaitUntilFinishedAsync(first, await DataImportScreenTests.UploadAsync(first, ("zedland.csv", DataImportScreenTests.Zedland), DataImportScreenTests.DryRun));
        (await WaitAsync(_ => EndedAsync(), all => all.All(j => j.Id != monthOld))).ShouldNotBeEmpty();

        var older = new List<Guid>();
        for (var i = 0; i < ImportJobs.Kept + 5; i++)
        {
            var at = DateTime.UtcNow.AddDays(-2).AddMinutes(i);
            older.Add(await AddJobAsync(i % 2 == 0 ? ImportJobState.Done : ImportJobState.Failed, at, job => job.FinishedAt = at));
        }

        var newest = await DataImportScreenTests.UploadAsync(first, ("zedland.csv", DataImportScreenTests.Zedland), DataImportScreenTests.DryRun);
        await DataImportScreenTests.WaitUntilFinishedAsync(first, newest);
        var ended = await WaitAsync(_ => EndedAsync(), all => all.Count == ImportJobs.Kept);

        ended.ShouldContain(j => j.Id == IdOf(newest));
        var keptOlder = older.Where(id => ended.Any(j => j.Id == id)).ToList();
        keptOlder.ShouldBe(older.TakeLast(keptOlder.Count), "the oldest are deleted first");
    }

    private static ImportRunner Runner(PortalAppFactory instance) =>
        instance.Services.GetServices<IHostedService>().OfType<ImportRunner>().Single();

    private static Guid IdOf(string jobPage) => Guid.Parse(jobPage.Split('/')[^1]);

    private Task<List<ImportJob>> EndedAsync() =>
        instances.First.WithDbAsync(db => db.ImportJobs.AsNoTracking().Where(j => j.State == ImportJobState.Done || j.State == ImportJobState.Failed).ToListAsync());

    /// <summary>A job as another instance (or an earlier upload) left it in the shared database.</summary>
    private async Task<Guid> AddJobAsync(ImportJobState state, DateTime queuedAt, Action<ImportJob>? set = null, byte[]? content = null)
    {
        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            FileName = "zedland.csv",
            DryRun = true,
            StartedBy = DemoAccounts.SupportUnit,
            QueuedAt = queuedAt,
            State = state,
        };
        set?.Invoke(job);
        await instances.First.WithDbAsync(db =>
        {
            db.ImportJobs.Add(job);
            if (content is not null)
            {
                db.ImportJobFiles.Add(new ImportJobFile { JobId = job.Id, Content = content });
            }

            return db.SaveChangesAsync();
        });
        return job.Id;
    }

    /// <summary>Reads the shared database through the second instance until <paramref name="done"/> holds (30 seconds at most).</summary>
    private async Task<T> WaitAsync<T>(Func<PortalDbContext, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await instances.Second.WithDbAsync(read);
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached in 30 seconds: {JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(100);
        }
    }
}
