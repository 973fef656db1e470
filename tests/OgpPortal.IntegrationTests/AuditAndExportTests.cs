using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The searchable audit log and the Support Unit's CSV exports.</summary>
public sealed class AuditAndExportTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AuditLog_FindsAChangeByUserMemberRecordAndDate_WithOldAndNewValues()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var philippines = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "PH").Select(m => m.Id).SingleAsync());
        using var edited = await staff.SubmitFormAsync($"/support-unit/members/{philippines}/edit", new Dictionary<string, string> { ["Website"] = "https://ogp.example.ph/" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var rows = await Rows(staff, $"/support-unit/audit?user=su%40ogp&member=ph&entity=Member&from={today}&to={today}");
        var none = await Rows(staff, "/support-unit/audit?member=PH&entity=Member&to=2020-01-01");

        var row = rows.ShouldHaveSingleItem();
        row.ShouldContain(DemoAccounts.SupportUnit);
        row.ShouldContain("Website: https://ogp.dbm.gov.ph/ → https://ogp.example.ph/");
        none.ShouldBeEmpty();
        (await staff.GetAsync(new Uri("/support-unit/audit?from=0001-01-01&to=9999-12-31", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AuditLog_ByIdentifier_FindsAPlansHistory_AndIsPaged()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var plan = await Rows(staff, "/support-unit/audit?entity=ActionPlan&q=DK%2F4");
        var all = await staff.GetDocumentAsync("/support-unit/audit");

        plan.ShouldNotBeEmpty();
        plan.ShouldAllBe(r => r.Contains("DK/4"));
        all.QuerySelectorAll("#audit tbody tr").Length.ShouldBe(50);
        all.QuerySelector("nav[aria-label='Pages']").ShouldNotBeNull();
    }

    [Fact]
    public async Task MembersExport_IsACsvWithEveryMember_AndFormulasAreDefused()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var kenya = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "KE").Select(m => m.Id).SingleAsync());
        using var edited = await staff.SubmitFormAsync($"/support-unit/members/{kenya}/edit", new Dictionary<string, string> { ["Notes"] = "=HYPERLINK(\"http://evil.example\")" });

        using var response = await staff.GetAsync(new Uri("/support-unit/exports/members.csv", UriKind.Relative));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ogp-members.csv");
        var rows = Parse(await response.Content.ReadAsStringAsync());
        rows.Count.ShouldBe(await factory.WithDbAsync(db => db.Members.CountAsync()));
        var row = rows.Single(r => r["Code"] == "KE");
        (row["Name"], row["Region"], row["Cohort"]).ShouldBe(("Kenya", "Africa and the Middle East", "Even years"));
        row["Notes"].ShouldNotStartWith("=");
        row["Notes"].ShouldContain("HYPERLINK");
    }

    [Fact]
    public async Task ContactsAndContributionsExports_CarryTheRecords()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var contacts = Parse(await staff.GetStringAsync(new Uri("/support-unit/exports/contacts.csv", UriKind.Relative)));
        var contributions = Parse(await staff.GetStringAsync(new Uri("/support-unit/exports/contributions.csv?year=2026", UriKind.Relative)));

        var norway = contacts.Single(r => r["Member code"] == "NO" && r["E-mail"] == DemoAccounts.PocNorway);
        // A leading + could start a formula in a spreadsheet, so it is kept as text with an apostrophe.
        (norway["Institution"], norway["Phone"], norway["Account"]).ShouldBe(("Ministry of Digitalisation and Public Governance", "'+47 22 24 90 90", "Active"));
        var kenya = contributions.Single(r => r["Member code"] == "KE");
        (kenya["Expected"], kenya["Received"], kenya["Currency"]).ShouldBe(("50000.00", "25000.00", "USD"));
        contributions.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("/support-unit/audit")]
    [InlineData("/support-unit/exports/members.csv")]
    [InlineData("/support-unit/exports/contacts.csv")]
    [InlineData("/support-unit/exports/contributions.csv")]
    public async Task AuditAndExports_AreForTheSupportUnitOnly(string url)
    {
        using var researcher = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher);
        using var anonymous = factory.CreateBrowserlikeClient();

        (await researcher.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<List<string>> Rows(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll("#audit tbody tr").Select(r => string.Join(" ", r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static List<Dictionary<string, string>> Parse(string text)
    {
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (var row in reader)
        {
            header ??= [.. reader.Headers!];
            var record = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
            {
                record[header[i]] = row.GetString(i);
            }

            rows.Add(record);
        }

        return rows;
    }
}
