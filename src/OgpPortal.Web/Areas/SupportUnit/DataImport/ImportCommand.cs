using System.Globalization;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// The import for operators, run instead of the web server:
/// <c>dotnet run --project src/OgpPortal.Web -- import file.csv [--dry-run]</c>. Same configuration and
/// database as the portal (migrated first, as at start-up); prints the report and writes it as CSV next to
/// the file. Exit code 0 when the file was read (even with rejected rows), 1 when it was refused, 2 on wrong usage.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";
    public const string DryRunOption = "--dry-run";
    public const string Usage = $"Usage: {Name} <file.csv> [{DryRunOption}]  (OGP's current commitments export, or the IRM explorer layout of 2015–2017)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = args.Skip(1).ToList();
        var dryRun = options.Remove(DryRunOption);
        if (options.Count != 1 || options[0].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var path = Locate(options[0]);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"No file at {path}.");
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<BackgroundActor>().UserName = $"{Environment.UserName} ({Name} command)";
        ImportReport report;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            report = await scope.ServiceProvider.GetRequiredService<OgpDataImporter>()
                .ImportAsync(file, Path.GetFileName(path), dryRun, OgpDataImporter.MaxCommandFileBytes, progress: null, cancellationToken);
        }

        await WriteAsync(report, output);
        var reportPath = path + ".report.csv";
        await using (var csv = new FileStream(reportPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await report.WriteCsvAsync(csv, cancellationToken);
        }

        await output.WriteLineAsync($"Report written to {reportPath}");
        return report.Succeeded ? 0 : 1;
    }

    /// <summary>
    /// The file's full path. <c>dotnet run</c> starts the portal in its project folder, so a relative path is
    /// also tried from the folder the operator's shell is in (<c>PWD</c>, where the shell sets it).
    /// </summary>
    private static string Locate(string argument)
    {
        var path = Path.GetFullPath(argument);
        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return File.Exists(path) || Path.IsPathRooted(argument) || string.IsNullOrEmpty(shellFolder) || !Path.IsPathRooted(shellFolder)
            ? path
            : Path.GetFullPath(argument, shellFolder);
    }

    private static async Task WriteAsync(ImportReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"Import of {report.FileName}{(report.DryRun ? " (dry run)" : string.Empty)}");
        if (report.FileProblem is not null)
        {
            await output.WriteLineAsync(report.Failed ? $"The import failed: {report.FileProblem}" : $"The file was refused: {report.FileProblem}");
            await output.WriteLineAsync("Nothing was saved.");
            return;
        }

        await output.WriteLineAsync($"Layout: {report.Layout switch { OgpLayout.CurrentExport => "OGP's current commitments export", OgpLayout.IrmExplorer => "IRM explorer (2015–2017)", _ => "not recognised" }}");
        await output.WriteLineAsync(string.Create(culture, $"Commitments: {report.Read} read, {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Rejected} rejected"));
        await output.WriteLineAsync(string.Create(culture, $"Members: {report.MembersCreated} created, {report.MembersUpdated} updated"));
        await output.WriteLineAsync(string.Create(culture, $"Action plans: {report.PlansCreated} created, {report.PlansUpdated} updated"));
        await output.WriteLineAsync(string.Create(culture, $"Duration: {report.Duration.TotalSeconds:0.0} s"));
        if (report.IgnoredColumns.Count > 0)
        {
            await output.WriteLineAsync($"Columns not read: {string.Join(", ", report.IgnoredColumns)}");
        }

        await output.WriteLineAsync(string.Create(culture, $"Issues: {report.Issues.Count}"));
        foreach (var issue in report.Issues.OrderBy(i => i.Line))
        {
            await output.WriteLineAsync(string.Create(culture, $"  line {issue.Line}: {issue.Kind} {issue.Identifier ?? "-"} [{issue.Column ?? "-"}] {issue.Reason}"));
        }

        await output.WriteLineAsync(report.DryRun ? "Dry run: nothing was saved." : report.Saved ? "Saved." : "Nothing was saved.");
    }
}
