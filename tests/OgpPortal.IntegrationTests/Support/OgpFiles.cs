using System.Text;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>Files in OGP's layouts for the import tests, and a way to run the importer and exporter of an app.</summary>
public static class OgpFiles
{
    /// <summary>The columns a small hand-made file in the current layout has.</summary>
    public static readonly string[] SmallHeader =
    [
        "Commitment Unique Identifier", "Country/Locality", "Action Plan Number", "Commitment Number", "Code", "Region", "National Or Local",
        "Year Of Submission", "Action Plan End Year", "Action Plan Duration (Years)", "Commitment Title", "Short Title", "Full Text",
        "Start Date", "End Date", "Lead Institution", "Specificity", "Potential Impact", "Completion (Progress Report)", "Open Data", "Action Plan ID",
    ];

    /// <summary>The real slice of OGP's export (tests/TestData), as bytes.</summary>
    public static byte[] RealFile() => File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "TestData", "ogp-commitments-open-parliament-2024.csv"));

    /// <summary>A row of the small layout for a made-up member with the given code (Zedland by default).</summary>
    public static string?[] Row(int number, string title, string code = "ZZ", string start = "1/1/2014", string end = "12/31/2016", string specificity = "Medium", string name = "Zedland", string? fullText = null) =>
    [
        $"{code}{number:0000}", name, "1", number.ToString(System.Globalization.CultureInfo.InvariantCulture), code + "L", "Europe", "National",
        "2014", "2016", "2", title, "Short " + title, fullText ?? "Full text of " + title, start, end, "Ministry of Finance", specificity, "Moderate", "Limited", "1", $"AP_{code}L01",
    ];

    /// <summary>A small file in the current layout: the header, then the rows.</summary>
    public static byte[] Small(params string?[][] rows) => Csv([SmallHeader, .. rows]);

    /// <summary>A CSV file (UTF-8, commas, RFC 4180 quoting) written with CsvHelper.</summary>
    public static byte[] Csv(IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions(), leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }

    public static Task<ImportReport> ImportAsync(this PortalAppFactory factory, byte[] file, bool dryRun = false) =>
        factory.ImportAsync(new MemoryStream(file), dryRun, null, CancellationToken.None);

    public static async Task<ImportReport> ImportAsync(this PortalAppFactory factory, Stream file, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OgpDataImporter>();
        return await importer.ImportAsync(file, "test.csv", dryRun, progress, cancellationToken);
    }

    /// <summary>The export of every plan, as the file a user downloads (without the byte-order mark).</summary>
    public static async Task<string> ExportAsync(this PortalAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<OgpDataExporter>();
        using var stream = new MemoryStream();
        await using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            await writer.WriteRecordAsync([.. OgpDataExporter.Header]);
            await foreach (var row in exporter.RowsAsync(publicOnly: false, default))
            {
                await writer.WriteRecordAsync(row);
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OgpPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("OgpPortal.sln not found above the test folder.");
    }
}
