using System.Net;
using System.Text;
using CsvHelper;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The export in OGP's layout: the public one holds published and closed plans only, the Support Unit's
/// every plan; both import back. Over the demo data.
/// </summary>
public sealed class OgpLayoutExportTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_public_export_has_OGPs_columns_and_only_published_and_closed_plans()
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/data/ogp-commitments-export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(OgpColumns.Export, rows[0]);
        var identifiers = rows.Skip(1).Select(r => r[0]).ToList();
        Assert.Contains("DK0050", identifiers);
        Assert.Contains("KE0030", identifiers);

        // Norway's fifth plan is a draft in consultation, the Dominican Republic's sixth is under review.
        Assert.DoesNotContain("NO0090", identifiers);
        Assert.DoesNotContain("DO0050", identifiers);
    }

    [Fact]
    public async Task The_Support_Units_export_has_every_plan_and_is_refused_to_others()
    {
        var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var anonymous = factory.CreateBrowserlikeClient();

        var rows = Rows(await staff.GetByteArrayAsync(new Uri("/support-unit/exports/ogp-commitments-export.csv", UriKind.Relative)));
        var refused = await anonymous.GetAsync(new Uri("/support-unit/exports/ogp-commitments-export.csv", UriKind.Relative));

        Assert.Contains(rows, r => r[0] == "NO0090");
        Assert.Contains(rows, r => r[0] == "DO0050");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("NO0090", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_export_imports_into_an_empty_portal_and_exports_the_same()
    {
        var file = await factory.CreateBrowserlikeClient().GetByteArrayAsync(new Uri("/data/ogp-commitments-export.csv", UriKind.Relative));
        await using var empty = new EmptyPortalAppFactory();

        var report = await empty.ImportAsync(file);
        var again = await empty.CreateBrowserlikeClient().GetByteArrayAsync(new Uri("/data/ogp-commitments-export.csv", UriKind.Relative));

        Assert.Null(report.FileProblem);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(Rows(file).Count - 1, report.Created);
        Assert.Equal(Encoding.UTF8.GetString(file), Encoding.UTF8.GetString(again));
    }

    private static List<string[]> Rows(byte[] file)
    {
        using var reader = CsvReader.Create(new MemoryStream(file), new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
