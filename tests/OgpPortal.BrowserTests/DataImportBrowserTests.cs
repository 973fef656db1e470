using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.BrowserTests;

/// <summary>The Support Unit uploads OGP's data and follows the import to its report.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DataImportBrowserTests(BrowserFixture fixture)
{
    private static readonly byte[] SmallFile = Encoding.UTF8.GetBytes(
        "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,Code,Region,National Or Local,Year Of Submission,Action Plan End Year,Action Plan Duration (Years),Commitment Title,Short Title,Full Text,Start Date,End Date,Lead Institution,Action Plan ID\r\n"
        + "ZZ0001,Zedland,1,1,ZZL,Europe,National,2014,2016,2,Open budgets,Budgets,Full text,1/1/2014,12/31/2016,Ministry of Finance,AP_ZZL01\r\n"
        + "ZZ0002,Zedland,1,2,ZZL,Europe,National,2014,2016,2,Open contracts,Contracts,Full text,1/1/2014,12/31/2016,Ministry of Finance,AP_ZZL01\r\n");

    /// <summary>9,000 commitments with long texts (about 20 MB): several seconds of work for the importer.</summary>
    private static byte[] BusyFile()
    {
        var text = new string('x', 2_000);
        var rows = new StringBuilder(Encoding.UTF8.GetString(SmallFile).Split("\r\n")[0]).Append("\r\n");
        for (var i = 0; i < 9_000; i++)
        {
            var code = $"BS{(char)('A' + (i / 3_000))}";
            var number = (i % 3_000) + 1;
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code}{number:0000},Busyland {code},1,{number},{code}L,Europe,National,2014,2016,2,Commitment {i},Short,{text},1/1/2014,12/31/2016,Ministry,AP_{code}L01\r\n");
        }

        return Encoding.UTF8.GetBytes(rows.ToString());
    }

    [Fact]
    public async Task SupportUnit_UploadsAFile_SeesTheProgressBar_ThenTheReport()
    {
        var su = await fixture.NewPageAsync();
        await su.GotoAsync("/account/login");
        await fixture.SignInAsync(su, DemoAccounts.SupportUnit);
        await su.GetByRole(AriaRole.Navigation, new() { Name = "Support Unit" }).GetByRole(AriaRole.Link, new() { Name = "Data import" }).ClickAsync();
        await Accessibility.CheckAsync(su);

        // A large file first, as a dry run: it keeps the import busy for several seconds, so the small
        // file queued behind it shows its progress bar before its report.
        await su.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "busy.csv", MimeType = "text/csv", Buffer = BusyFile() });
        await Assertions.Expect(su.GetByLabel("Dry run: check the file and show the report without saving")).ToBeCheckedAsync();
        await su.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Assertions.Expect(su.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await Accessibility.CheckAsync(su);

        await su.GotoAsync("/support-unit/data-import");
        await su.GetByLabel("CSV file").FocusAsync();
        await su.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "zedland.csv", MimeType = "text/csv", Buffer = SmallFile });
        await su.Keyboard.PressAsync("Tab");
        await su.Keyboard.PressAsync("Tab");
        await su.Keyboard.PressAsync("Enter");

        // On SQLite the upload is stored once the large file's import has let go of the database's write lock.
        await Assertions.Expect(su.GetByRole(AriaRole.Heading, new() { Name = "Import of zedland.csv" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(su.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();

        // The page's script follows the progress and reloads the page when the import has finished.
        await Assertions.Expect(su.GetByRole(AriaRole.Heading, new() { Name = "What the import found" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(su.GetByRole(AriaRole.Main)).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(su.GetByRole(AriaRole.Link, new() { Name = "Download the report (CSV)" })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(su);

        await su.Context.CloseAsync();
    }

    /// <summary>
    /// With JavaScript the page refuses the file before sending it; without, the server answers the form with
    /// the same message before reading the body into a form (it is beyond the request limit).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FileOverTheLimit_IsRefusedWithTheMessage(bool javaScript)
    {
        var huge = await HugeFileAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        try
        {
            var su = await context.NewPageAsync();
            await su.GotoAsync("/account/login");
            await fixture.SignInAsync(su, DemoAccounts.SupportUnit);
            await su.GotoAsync("/support-unit/data-import");

            await su.GetByLabel("CSV file").SetInputFilesAsync(huge);
            await su.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();

            await Assertions.Expect(su.GetByRole(AriaRole.Main)).ToContainTextAsync("The file is larger than 64 MB, the most the import takes.");
            su.Url.ShouldEndWith("/support-unit/data-import");
            (await fixture.Portal.WithDbAsync(db => db.ImportJobs.Select(j => j.FileName).ToListAsync())).ShouldNotContain(Path.GetFileName(huge));
            if (javaScript)
            {
                await Assertions.Expect(su.GetByLabel("CSV file")).ToBeFocusedAsync();
                await Accessibility.CheckAsync(su);
            }
        }
        finally
        {
            await context.CloseAsync();
            File.Delete(huge);
        }
    }

    /// <summary>
    /// A file of twice the limit (sparse, so it costs no disk): more than the server reads, so only the page's
    /// script, or the check made before the form is read, can say why it is refused.
    /// </summary>
    private static async Task<string> HugeFileAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.csv");
        await using var file = File.Create(path);
        file.SetLength(OgpPortal.Infrastructure.Interchange.OgpDataImporter.MaxFileBytes * 2);
        return path;
    }
}
