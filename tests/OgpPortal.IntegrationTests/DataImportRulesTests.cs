using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The import's rules on small hand-made files: dry runs, updates with their audit trail, the older IRM
/// explorer layout, and bad input, which gets a clear message and changes nothing. Each test uses a
/// member of its own, so they share one empty portal.
/// </summary>
public sealed class DataImportRulesTests(EmptyPortalAppFactory factory) : IClassFixture<EmptyPortalAppFactory>
{
    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_saves_nothing()
    {
        var report = await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Open budgets", code: "DR"), OgpFiles.Row(2, "Open contracts", code: "DR")), dryRun: true);

        Assert.Null(report.FileProblem);
        Assert.Equal(2, report.Created);
        Assert.Equal(1, report.MembersCreated);
        Assert.False(report.Saved);
        Assert.False(await factory.WithDbAsync(db => db.Members.AnyAsync(m => m.Code == "DR")));
    }

    [Fact]
    public async Task A_later_file_updates_what_changed_and_the_audit_trail_records_it()
    {
        await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Open budgets", code: "UP"), OgpFiles.Row(2, "Open contracts", code: "UP")));

        var later = await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Open budgets for all", code: "UP", specificity: "High"), OgpFiles.Row(2, "Open contracts", code: "UP")));

        Assert.Equal(0, later.Created);
        Assert.Equal(1, later.Updated);
        Assert.Equal(1, later.Unchanged);
        var (title, specificity) = await factory.WithDbAsync(async db =>
        {
            var commitment = await db.Commitments.SingleAsync(c => c.Identifier == "UP0001");
            var assessment = await db.LegacyAssessments.SingleAsync(a => a.CommitmentId == commitment.Id);
            return (commitment.Title, assessment.Specificity);
        });
        Assert.Equal("Open budgets for all", title);
        Assert.Equal(Specificity.High, specificity);
        var changes = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.SubjectKey == "UP0001" && e.Action == Infrastructure.Persistence.AuditAction.Changed)
            .Select(e => e.Changes).ToListAsync());
        Assert.Contains(changes, c => c.Contains("Open budgets for all", StringComparison.Ordinal) && c.Contains("\"Open budgets\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_that_name_no_day_are_kept_as_written_and_impossible_ones_are_reported()
    {
        var report = await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Open budgets", code: "DT", start: "31/31/2014", end: "Sometime in 2015")));

        Assert.Equal(1, report.Created);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(ImportIssueKind.Altered, issue.Kind);
        Assert.Equal("Start Date", issue.Column);
        Assert.Equal("DT0001", issue.Identifier);
        Assert.Equal(2, issue.Line);
        Assert.Contains("not a day of the calendar", issue.Reason, StringComparison.Ordinal);
        var dates = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == "DT0001")
            .Select(c => new { c.StartDate, c.StartDateAsWritten, c.EndDate, c.EndDateAsWritten }).SingleAsync());
        Assert.Null(dates.StartDate);
        Assert.Equal("31/31/2014", dates.StartDateAsWritten);
        Assert.Null(dates.EndDate);
        Assert.Equal("Sometime in 2015", dates.EndDateAsWritten);
    }

    [Fact]
    public async Task A_commitment_named_twice_in_one_file_is_rejected_on_both_lines_and_the_rest_is_imported()
    {
        var report = await factory.ImportAsync(OgpFiles.Small(
            OgpFiles.Row(1, "Open budgets", code: "DU"), OgpFiles.Row(2, "Open contracts", code: "DU"), OgpFiles.Row(1, "Open budgets, again", code: "DU")));

        Assert.Equal(3, report.Read);
        Assert.Equal(1, report.Created);
        Assert.Equal(2, report.Rejected);
        Assert.All(report.Issues, i => Assert.Contains("lines 2, 4", i.Reason, StringComparison.Ordinal));
        Assert.Equal(["DU0002"], await factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier.StartsWith("DU")).Select(c => c.Identifier).ToListAsync()));
    }

    [Fact]
    public async Task The_older_IRM_explorer_layout_is_read_with_its_coded_values_and_former_member_names()
    {
        await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Open data charter", code: "UK", name: "United Kingdom")));
        string[] header = [.. OgpColumns.Explorer.All];
        var indexes = header.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string?[] Row(string country, string number, string title) =>
        [
            country, "2", "Open data", number, title, "Short " + title, "Full text", "July 2013", "31/12/2015", "Cabinet Office", "NA",
            "c. high", "1", "0", "0", "0", "c. moderate", "b. Limited", "0", "d. Complete", "c. Marginal", "Y", "2013",
        ];

        var report = await factory.ImportAsync(OgpFiles.Csv([indexes, header, Row("UK", "1", "National information infrastructure"), Row("Atlantis", "1", "Sunken archives")]));

        Assert.Null(report.FileProblem);
        Assert.Equal(OgpLayout.IrmExplorer, report.Layout);
        Assert.Equal(1, report.Created);
        Assert.Equal(1, report.PlansCreated);
        Assert.Contains(report.Issues, i => i.Kind == ImportIssueKind.Rejected && i.Reason.Contains("'Atlantis' is not a member", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.Kind == ImportIssueKind.Altered && i.Reason.Contains("'UK' is read as United Kingdom", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.Kind == ImportIssueKind.Altered && i.Reason.Contains("two-year plan, 2013–2015", StringComparison.Ordinal));
        var imported = await factory.WithDbAsync(db => db.Commitments
            .Where(c => c.Title == "National information infrastructure")
            .Select(c => new { c.Identifier, Plan = c.ActionPlan.Number, c.ActionPlan.OgpId, c.StartDateAsWritten, c.EndDate, Assessment = db.LegacyAssessments.Single(a => a.CommitmentId == c.Id) })
            .SingleAsync());
        Assert.Equal("UK0002", imported.Identifier);
        Assert.Equal(2, imported.Plan);
        Assert.Equal("AP_UKL02", imported.OgpId);
        Assert.Equal("July 2013", imported.StartDateAsWritten);
        Assert.Equal(new DateOnly(2015, 12, 31), imported.EndDate);
        Assert.Equal(Specificity.High, imported.Assessment.Specificity);
        Assert.Equal(PotentialImpact.Moderate, imported.Assessment.PotentialImpact);
        Assert.Equal(LegacyCompletion.Limited, imported.Assessment.CompletionAtProgressReport);
        Assert.Equal(LegacyCompletion.Complete, imported.Assessment.CompletionAtEndOfTerm);
        Assert.Equal(EarlyResults.Marginal, imported.Assessment.DidItOpenGovernment);
        Assert.Equal(Domain.Commitments.OgpValues.AccessToInformation, imported.Assessment.Relevance);
    }

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "empty", [], "The file is empty." },
        { "blank lines", Encoding.UTF8.GetBytes("\r\n\r\n  \r\n"), "The file is empty." },
        { "semicolons", Encoding.UTF8.GetBytes("Commitment Unique Identifier;Country/Locality;Action Plan ID\nZZ0001;Zedland;AP_ZZL01\n"), "separated by semicolons" },
        { "tabs", Encoding.UTF8.GetBytes("Commitment Unique Identifier\tCountry/Locality\tAction Plan ID\nZZ0001\tZedland\tAP_ZZL01\n"), "separated by tabs" },
        { "another table", Encoding.UTF8.GetBytes("Name,Email\nAda,ada@example.org\n"), "not one of OGP's commitments layouts" },
        { "PDF", [.. "%PDF-1.7\n"u8, 0, 1, 2, 3, .. "\n%%EOF"u8], "not a CSV file" },
        { "spreadsheet", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00], "not a CSV file" },
        { "Latin-1", Encoding.Latin1.GetBytes("Commitment Unique Identifier,Country/Locality\nZZ0001,Côte d'Ivoire\n"), "not UTF-8" },
        { "unclosed quote", Encoding.UTF8.GetBytes("Commitment Unique Identifier,Country/Locality\n\"ZZ0001,Zedland\n"), "nothing was imported" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_is_not_OGPs_data_is_refused_with_a_clear_message_and_changes_nothing(string what, byte[] file, string message)
    {
        var before = await CountsAsync();

        var report = await factory.ImportAsync(file);

        Assert.False(report.Succeeded, what);
        Assert.Contains(message, report.FileProblem, StringComparison.Ordinal);
        Assert.False(report.Saved);
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>PostgreSQL cannot store the NUL character (SQLite can): a NUL past the first bytes refuses the file on every engine.</summary>
    [Fact]
    public async Task A_NUL_character_deep_in_the_file_refuses_it_naming_the_line_and_changes_nothing()
    {
        var before = await CountsAsync();
        var rows = Enumerable.Range(1, 60).Select(i => OgpFiles.Row(i, $"Commitment {i}", code: "NUL", fullText: new string('t', 400))).ToList();
        rows.Add(OgpFiles.Row(61, "A title with a \u0000 in it", code: "NUL"));

        var report = await factory.ImportAsync(OgpFiles.Small([.. rows]));

        Assert.False(report.Succeeded);
        Assert.Equal("Line 62 holds a NUL character, as binary data does; nothing was imported. Save the sheet as CSV UTF-8 and try again.", report.FileProblem);
        Assert.False(report.Saved);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_without_key_columns_is_refused_naming_them()
    {
        var header = OgpFiles.SmallHeader.Where(h => h is not ("Action Plan ID" or "Commitment Title")).ToArray();

        var report = await factory.ImportAsync(OgpFiles.Csv([header, header.Select(_ => "x").ToArray()]));

        Assert.Equal("The file lacks the key columns 'Action Plan ID', 'Commitment Title'; nothing was imported.", report.FileProblem);
    }

    [Fact]
    public async Task A_file_over_64_MB_is_refused_before_it_is_read()
    {
        var before = await CountsAsync();
        await using var huge = new MemoryStream(new byte[(int)OgpDataImporter.MaxFileBytes + 1]);

        var report = await factory.ImportAsync(huge, dryRun: false, progress: null, CancellationToken.None);

        Assert.Contains("up to 64 MB", report.FileProblem, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_50_MB_file_is_imported_whole()
    {
        var text = new string('x', 19_000);
        var rows = Enumerable.Range(1, 2_700).Select(i => OgpFiles.Row(i, $"Large commitment {i}", code: "BIG", fullText: text)).ToArray();
        var file = OgpFiles.Small(rows);
        Assert.InRange(file.Length, 50_000_000, OgpDataImporter.MaxFileBytes);

        var report = await factory.ImportAsync(file);

        Assert.Null(report.FileProblem);
        Assert.Equal(2_700, report.Created);
        Assert.Equal(2_700, await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.Identifier.StartsWith("BIG"))));
    }

    [Fact]
    public async Task An_import_stopped_between_its_saves_leaves_the_database_as_it_was()
    {
        var before = await CountsAsync();
        var rows = Enumerable.Range(1, 600).Select(i => OgpFiles.Row(i, $"Stopped commitment {i}", code: "STP")).ToArray();
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var progress = new Inline(p =>
        {
            // The commitments are written; the import is stopped before their assessments are.
            if (p.Stage == ImportProgress.Saving && ++saves == 2)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.ImportAsync(new MemoryStream(OgpFiles.Small(rows)), false, progress, stop.Token));

        Assert.Equal(2, saves);
        Assert.Equal(before, await CountsAsync());
        Assert.False(await factory.WithDbAsync(db => db.Members.AnyAsync(m => m.Code == "STP")));
    }

    private Task<(int Members, int Plans, int Commitments, int Assessments)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Members.CountAsync(), await db.ActionPlans.CountAsync(), await db.Commitments.CountAsync(), await db.LegacyAssessments.CountAsync()));

    /// <summary>Reports progress at once, on the importer's own thread.</summary>
    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
