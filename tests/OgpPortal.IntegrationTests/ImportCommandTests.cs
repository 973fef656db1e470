using OgpPortal.Tests.Shared;
using OgpPortal.Web.Areas.SupportUnit.DataImport;

namespace OgpPortal.IntegrationTests;

/// <summary>The operators' import command, run in-process against the portal's services and database.</summary>
public sealed class ImportCommandTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData]
    [InlineData("--dry-run")]
    [InlineData("one.csv", "two.csv")]
    [InlineData("--force", "file.csv")]
    public async Task WithoutExactlyOneFile_PrintsTheUsage_AndExits2(params string[] options)
    {
        using var output = new StringWriter();

        var exitCode = await ImportCommand.RunAsync(factory.Services, [ImportCommand.Name, .. options], output, CancellationToken.None);

        exitCode.ShouldBe(2);
        output.ToString().ShouldContain("Usage: import <file.csv> [--dry-run]");
    }

    [Fact]
    public async Task WithAMissingFile_SaysSo_AndExits2()
    {
        using var output = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv");

        var exitCode = await ImportCommand.RunAsync(factory.Services, [ImportCommand.Name, missing], output, CancellationToken.None);

        exitCode.ShouldBe(2);
        output.ToString().ShouldContain($"No file at {missing}.");
    }

    [Fact]
    public async Task DryRunOfAValidFile_PrintsTheCounts_WritesTheReportBesideIt_AndExits0()
    {
        var file = Path.Combine(Path.GetTempPath(), $"zedland-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, DataImportScreenTests.Zedland);
        try
        {
            using var output = new StringWriter();

            var exitCode = await ImportCommand.RunAsync(factory.Services, [ImportCommand.Name, file, "--dry-run"], output, CancellationToken.None);

            exitCode.ShouldBe(0, output.ToString());
            output.ToString().ShouldContain("Commitments: 2 read");
            output.ToString().ShouldContain("Dry run: nothing was saved.");
            (await File.ReadAllTextAsync(file + ".report.csv")).TrimStart('\uFEFF').ShouldStartWith("Kind,Line,Identifier,Column,Reason");
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".report.csv");
        }
    }
}
