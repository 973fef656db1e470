using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.UnitTests;

/// <summary>An import job keeps its report as JSON; the job page reads it back, possibly on another instance.</summary>
public sealed class ImportReportTests
{
    [Fact]
    public void Report_ReadBackFromJson_HasEverythingThePageShows()
    {
        var report = new ImportReport { FileName = "zedland.csv", DryRun = true, Layout = OgpLayout.IrmExplorer, Read = 3, Created = 1, Updated = 1, Unchanged = 1, MembersCreated = 1, MembersUpdated = 2, PlansCreated = 3, PlansUpdated = 4, Duration = TimeSpan.FromSeconds(1.5) };
        report.Add(new ImportIssue(ImportIssueKind.Rejected, 4, "ZZ0004", "End Date", "Not a date"));
        report.Add(new ImportIssue(ImportIssueKind.Altered, 2, "ZZ0002", null, "Trimmed"));
        report.IgnoreColumns(["Derived", "Unused"]);

        var read = ImportReport.FromJson(report.ToJson());

        read.ShouldBeEquivalentTo(report);
        read.Issues.ShouldBe(report.Issues);
        read.IgnoredColumns.ShouldBe(["Derived", "Unused"]);
        read.Rejected.ShouldBe(1);
        read.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void RefusedFile_ReadBackFromJson_KeepsItsReason()
    {
        var report = new ImportReport { FileName = "bad.csv", FileProblem = "The file is not comma-separated.", Failed = false };

        var read = ImportReport.FromJson(report.ToJson());

        read.FileProblem.ShouldBe("The file is not comma-separated.");
        read.Succeeded.ShouldBeFalse();
        read.Layout.ShouldBeNull();
        read.Issues.ShouldBeEmpty();
    }
}
