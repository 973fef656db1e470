using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The database locked by another process, or gone: every page answers a friendly 503 with Retry-After,
/// /health is Unhealthy, a form post changes nothing, and the portal serves again as soon as the database
/// is back, without a restart.
/// </summary>
public sealed class DatabaseFaultTests(DatabaseFaultTests.ShortBusyTimeoutFactory factory) : IClassFixture<DatabaseFaultTests.ShortBusyTimeoutFactory>
{
    /// <summary>A public page that reads the database at every request (member and plan pages may come from the output cache, ADR 0015).</summary>
    private const string PublicPage = "/consultations";
    private const string SignedInPage = "/poc";

    [Fact]
    public async Task WhileAnotherProcessLocksTheDatabase_PagesAnswerAFriendly503_AndServeAgainWhenItLetsGo()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        await ShouldServeAsync(visitor, poc);

        await using (await HoldDatabaseAsync(readsToo: true))
        {
            await ShouldBeBrieflyUnavailableAsync(visitor, PublicPage);
            await ShouldBeBrieflyUnavailableAsync(poc, SignedInPage);
            using var health = await visitor.GetAsync(new Uri("/health", UriKind.Relative));
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await health.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");

            using var api = await visitor.GetAsync(new Uri("/api/v1/members", UriKind.Relative));
            api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            api.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
            api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        await ShouldServeAsync(visitor, poc);
    }

    [Fact]
    public async Task AFormPostedWhileAnotherProcessHoldsTheWriteLock_Answers503AndChangesNothing_AndWorksOnceItIsReleased()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var address = $"fault-{Guid.NewGuid():N}@example.org";
        var fields = new Dictionary<string, string> { ["Email"] = address };

        await using (await HoldDatabaseAsync(readsToo: false))
        {
            // Readers are not blocked by a writer (WAL): the page with the form still shows.
            using var refused = await visitor.SubmitFormAsync("/members/NO", fields, "form[action='/follow']");
            await ShouldBeTheUnavailablePageAsync(refused);
        }

        (await factory.WithDbAsync(db => db.Followers.CountAsync(f => f.Email == address))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.To == address))).ShouldBe(0);

        using var accepted = await visitor.SubmitFormAsync("/members/NO", fields, "form[action='/follow']");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Followers.CountAsync(f => f.Email == address))).ShouldBe(1);
    }

    [Fact]
    public async Task WhenTheDatabaseFileCannotBeOpened_PagesAnswer503_AndServeAgainWhenItIsBack()
    {
        // The tests may run as root, for whom chmod blocks nothing: the file is moved away and a folder put in
        // its place, which SQLite cannot open (and will not replace with an empty database).
        using var visitor = factory.CreateBrowserlikeClient();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        SqliteConnection.ClearAllPools();
        var files = new[] { factory.DatabasePath, factory.DatabasePath + "-wal", factory.DatabasePath + "-shm" }.Where(File.Exists).ToList();
        foreach (var file in files)
        {
            File.Move(file, file + ".away");
        }

        Directory.CreateDirectory(factory.DatabasePath);
        try
        {
            await ShouldBeBrieflyUnavailableAsync(visitor, PublicPage);
            await ShouldBeBrieflyUnavailableAsync(poc, SignedInPage);
            using var health = await visitor.GetAsync(new Uri("/health", UriKind.Relative));
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Directory.Delete(factory.DatabasePath);
            foreach (var file in files)
            {
                File.Move(file + ".away", file);
            }
        }

        await ShouldServeAsync(visitor, poc);
    }

    private static async Task ShouldServeAsync(HttpClient visitor, HttpClient poc)
    {
        using var page = await visitor.GetAsync(new Uri(PublicPage, UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var signedIn = await poc.GetAsync(new Uri(SignedInPage, UriKind.Relative));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var health = await visitor.GetAsync(new Uri("/health", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    private static async Task ShouldBeBrieflyUnavailableAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await ShouldBeTheUnavailablePageAsync(response);
    }

    private static async Task ShouldBeTheUnavailablePageAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
        var document = await HtmlForms.ParseAsync(response);
        document.QuerySelector("h1")!.TextContent.ShouldBe("The portal is briefly unavailable");
        document.QuerySelector("main")!.TextContent.ShouldContain("Nothing was changed. Please try again in a minute.");
        document.QuerySelector("nav")!.TextContent.ShouldContain("Members", customMessage: "the page is in the portal's layout");
        document.Body!.TextContent.ShouldNotContain("Exception");
        document.Body!.TextContent.ShouldNotContain("SQLite");
    }

    /// <summary>
    /// Another process's connection holding the database: the write lock only (what a long write does), or
    /// an exclusive lock that keeps readers out too (what a maintenance tool in exclusive mode does).
    /// </summary>
    private async Task<SqliteConnection> HoldDatabaseAsync(bool readsToo)
    {
        if (readsToo)
        {
            // The portal's idle pooled connections would keep the exclusive lock from being taken.
            SqliteConnection.ClearAllPools();
        }

        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False;Default Timeout=10");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = readsToo ? "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE AspNetRoles SET Name = Name;" : "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        return connection; // disposing it rolls back and lets go
    }

    /// <summary>The portal waits one second for a lock (ten by default), so the tests do not wait long.</summary>
    public sealed class ShortBusyTimeoutFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath};Default Timeout=1");
        }
    }
}
