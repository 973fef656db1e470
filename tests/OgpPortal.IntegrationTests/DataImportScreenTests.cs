using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The Support Unit's upload screen for OGP's data: the form, the queued job, its progress and its report.</summary>
public sealed class DataImportScreenTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Screen = "/support-unit/data-import";
    private const string FileField = "Form.CsvFile";

    /// <summary>Two commitments, ZZ0001 and ZZ0002, of Zedland, a member no other data has.</summary>
    internal static readonly byte[] Zedland = OgpFiles.Small(OgpFiles.Row(1, "Open budgets"), OgpFiles.Row(2, "Open contracts"));

    internal static readonly Dictionary<string, string> DryRun = new() { ["Form.DryRun"] = "true" };
    internal static readonly Dictionary<string, string> ForReal = new() { ["Form.DryRun"] = "false" };

    private Task<List<ImportJob>> JobsAsync() => factory.WithDbAsync(db => db.ImportJobs.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Screen_WhenAnonymousOrAPointOfContact_IsRefused_AndNothingIsQueued()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var job = await UploadAsync(staff, ("zedland.csv", Zedland), DryRun);
        using var anonymous = factory.CreateBrowserlikeClient();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);

        foreach (var url in new[] { Screen, job, $"{job}/progress", $"{job}/report.csv" })
        {
            using var anonymousGet = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            using var pocGet = await poc.GetAsync(new Uri(url, UriKind.Relative));
            anonymousGet.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            anonymousGet.Headers.Location!.OriginalString.ShouldContain("/account/login");
            pocGet.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        using var anonymousPost = await anonymous.PostAsync(new Uri(Screen, UriKind.Relative), new MultipartFormDataContent());
        using var pocPost = await poc.PostWithTokenAsync(Screen, DryRun);
        anonymousPost.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymousPost.Headers.Location!.OriginalString.ShouldContain("/account/login");
        pocPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JobsAsync()).ShouldAllBe(j => j.StartedBy == DemoAccounts.SupportUnit);
    }

    [Fact]
    public async Task Upload_WithoutAFileOrWithAnEmptyOne_ShowsTheMessage_AndQueuesNothing()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = (await JobsAsync()).Count;

        using var none = await staff.SubmitWithFileAsync(Screen, FileField, file: null, DryRun);
        using var empty = await staff.SubmitWithFileAsync(Screen, FileField, ("empty.csv", []), DryRun);

        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await none.MainTextAsync()).ShouldContain("Choose the CSV file to import.");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(empty);
        page.QuerySelector("#Form_CsvFile")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Form_CsvFile-error")!.TextContent.ShouldContain("The file is empty.");
        (await JobsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Upload_OfAFileOverTheLimit_ShowsTheMessage_AndQueuesNothing()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = (await JobsAsync()).Count;
        var tooBig = new byte[OgpDataImporter.MaxFileBytes + 1];

        using var response = await staff.SubmitWithFileAsync(Screen, FileField, ("huge.csv", tooBig), DryRun);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.MainTextAsync()).ShouldContain("The file is larger than 64 MB");
        (await JobsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task UnknownJob_Is404()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        foreach (var url in new[] { $"{Screen}/{Guid.NewGuid()}", $"{Screen}/{Guid.NewGuid()}/progress", $"{Screen}/{Guid.NewGuid()}/report.csv" })
        {
            using var response = await staff.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }

    [Fact]
    public async Task DryRun_ShowsTheReportAndSavesNothing_ThenTheRealImportCreatesTheCommitments()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var dryRun = await UploadAsync(staff, ("zedland.csv", Zedland), DryRun);
        var dryRunState = await WaitUntilFinishedAsync(staff, dryRun);
        var dryRunPage = await staff.GetDocumentAsync(dryRun);

        dryRunState.GetProperty("state").GetString().ShouldBe("Done");
        dryRunPage.QuerySelector("main")!.TextContent.ShouldContain("Nothing was saved");
        CommitmentsRow(dryRunPage)[0].ShouldBe("2");
        (await factory.WithDbAsync(db => db.Commitments.AnyAsync(c => c.Identifier == "ZZ0001"))).ShouldBeFalse();

        var real = await UploadAsync(staff, ("zedland.csv", Zedland), ForReal);
        await WaitUntilFinishedAsync(staff, real);
        var realPage = await staff.GetDocumentAsync(real);
        using var csv = await staff.GetAsync(new Uri($"{real}/report.csv", UriKind.Relative));

        realPage.QuerySelector("main")!.TextContent.ShouldNotContain("Nothing was saved");
        CommitmentsRow(realPage)[1].ShouldBe("2", "created");
        (await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier.StartsWith("ZZ")).Select(c => c.Identifier).OrderBy(i => i).ToListAsync()))
            .ShouldBe(["ZZ0001", "ZZ0002"]);
        (await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectKey == "ZZ0001").Select(a => a.UserName).Distinct().ToListAsync()))
            .ShouldBe([DemoAccounts.SupportUnit], "the audit trail names who uploaded the file");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldStartWith("Kind,Line,Identifier,Column,Reason");
    }

    [Fact]
    public async Task Progress_WhileAndAfterTheImport_IsJsonWithAState()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var job = await UploadAsync(staff, ("zedland.csv", Zedland), DryRun);

        using var response = await staff.GetAsync(new Uri($"{job}/progress", UriKind.Relative));
        var running = await staff.GetDocumentAsync(job);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("state").GetString().ShouldBeOneOf("Queued", "Running", "Done", "Failed");
        json.RootElement.GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
        var finished = await WaitUntilFinishedAsync(staff, job);
        finished.GetProperty("percent").GetInt32().ShouldBe(100);
        (running.QuerySelector("progress") is not null || running.QuerySelector("#import-counts, .alert") is not null).ShouldBeTrue();
    }

    [Fact]
    public async Task RealOgpFile_AsADryRun_Reads558Commitments()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var file = OgpFiles.RealFile();

        var job = await UploadAsync(staff, ("ogp-commitments-open-parliament-2024.csv", file), DryRun);
        await WaitUntilFinishedAsync(staff, job);
        var page = await staff.GetDocumentAsync(job);

        page.QuerySelector("main")!.TextContent.ShouldContain("Nothing was saved");
        CommitmentsRow(page)[0].ShouldBe("558");
    }

    /// <summary>Uploads through the real form and returns the job page the portal redirects to.</summary>
    internal static async Task<string> UploadAsync(HttpClient client, (string Name, byte[] Content) file, Dictionary<string, string> fields)
    {
        using var response = await client.SubmitWithFileAsync(Screen, FileField, file, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.MainTextAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldMatch($"^{Screen}/[0-9a-f-]{{36}}$");
        return location;
    }

    internal static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, string job)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"{job}/progress", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (json.RootElement.GetProperty("finished").GetBoolean())
            {
                return json.RootElement.Clone();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The import {job} did not finish in time: {json.RootElement}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The commitments' counts in the report: read, created, updated, unchanged, rejected.</summary>
    internal static string[] CommitmentsRow(AngleSharp.Html.Dom.IHtmlDocument page) =>
        (page.QuerySelector("#import-counts tbody tr") ?? throw new ShouldAssertException($"No counts in the report: {page.QuerySelector("main")?.TextContent}"))
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
}

/// <summary>An import that throws ends as a failed job with a plain message, not an error page.</summary>
public sealed class DataImportFailureTests(DataImportFailureTests.BrokenImporterFactory factory) : IClassFixture<DataImportFailureTests.BrokenImporterFactory>
{
    [Fact]
    public async Task ImportThatThrows_EndsAsFailed_WithAGenericMessage()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var upload = await staff.SubmitWithFileAsync("/support-unit/data-import", "Form.CsvFile", ("zedland.csv", DataImportScreenTests.Zedland), new Dictionary<string, string> { ["Form.DryRun"] = "false" });
        var job = upload.Headers.Location!.OriginalString;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await factory.WithDbAsync(db => db.ImportJobs.SingleAsync())).State != ImportJobState.Failed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        using var page = await staff.GetAsync(new Uri(job, UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await page.MainTextAsync();
        text.ShouldContain(ImportJob.FailureMessage);
        text.ShouldNotContain(BrokenImporterFactory.Secret);
    }

    public sealed class BrokenImporterFactory : PortalAppFactory
    {
        public const string Secret = "secret detail of the failure";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<OgpDataImporter>(_ => throw new InvalidOperationException(Secret)));
        }
    }
}
