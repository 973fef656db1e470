using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The real slice of OGP's export, imported once into an empty portal (the fixture) and checked.</summary>
public sealed class RealFileImportFixture : IAsyncLifetime
{
    public EmptyPortalAppFactory Factory { get; } = new();

    public ImportReport Report { get; private set; } = null!;

    public async Task InitializeAsync() => Report = await Factory.ImportAsync(OgpFiles.RealFile());

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class RealFileImportTests(RealFileImportFixture fixture) : IClassFixture<RealFileImportFixture>
{
    private EmptyPortalAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task Every_commitment_of_the_real_file_is_created_or_reported_with_a_reason()
    {
        var report = fixture.Report;
        Assert.Null(report.FileProblem);
        Assert.True(report.Saved);
        Assert.Equal(OgpLayout.CurrentExport, report.Layout);
        Assert.Equal(558, report.Read);
        Assert.Equal(558, report.Created + report.Rejected);
        Assert.All(report.Issues.Where(i => i.Kind == ImportIssueKind.Rejected), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));

        var (commitments, plans, members) = await Factory.WithDbAsync(async db =>
            (await db.Commitments.CountAsync(), await db.ActionPlans.CountAsync(), await db.Members.CountAsync()));
        Assert.Equal(report.Created, commitments);
        Assert.Equal(report.PlansCreated, plans);
        Assert.Equal(75, members);
        Assert.Equal(214, plans);

        // Derived columns (OGP's own sums and flags) are read by no one and said so.
        Assert.Contains("CHECKSUM", report.IgnoredColumns);
        Assert.DoesNotContain(OgpColumns.Title, report.IgnoredColumns);
    }

    [Fact]
    public async Task AL0002_is_Albania_plan_1_of_2012_with_its_IRM_assessment()
    {
        var al0002 = await Factory.WithDbAsync(db => db.Commitments
            .Where(c => c.Identifier == "AL0002")
            .Select(c => new
            {
                Member = c.ActionPlan.Member.Name,
                c.ActionPlan.Member.DataCode,
                c.ActionPlan.Member.Region,
                Plan = c.ActionPlan.Number,
                c.ActionPlan.OgpId,
                c.ActionPlan.SubmissionYear,
                c.ActionPlan.Status,
                c.Title,
                c.LeadInstitution,
                c.SupportingInstitutions,
                Areas = c.PolicyAreas.Select(a => a.Name).ToList(),
                Assessment = db.LegacyAssessments.Single(a => a.CommitmentId == c.Id),
            })
            .SingleAsync());

        Assert.Equal("Albania", al0002.Member);
        Assert.Equal("ALB", al0002.DataCode);
        Assert.Equal(Region.Europe, al0002.Region);
        Assert.Equal(1, al0002.Plan);
        Assert.Equal("AP_ALB01", al0002.OgpId);
        Assert.Equal(2012, al0002.SubmissionYear);
        Assert.Equal(ActionPlanStatus.Closed, al0002.Status);
        Assert.Equal("e-Acts", al0002.Title);
        Assert.Equal("Council of Ministers", al0002.LeadInstitution);
        Assert.Equal("National Agency for Information Society", al0002.SupportingInstitutions);
        Assert.Contains("Regulatory Governance", al0002.Areas);
        Assert.Contains("Open Parliaments", al0002.Areas);
        Assert.Equal(Specificity.Medium, al0002.Assessment.Specificity);
        Assert.Equal(PotentialImpact.Moderate, al0002.Assessment.PotentialImpact);
        Assert.Equal(LegacyCompletion.Substantial, al0002.Assessment.CompletionAtProgressReport);
        Assert.True(al0002.Assessment.Verifiable);
    }

    [Fact]
    public async Task Dates_are_read_by_the_documented_rules_and_never_guessed_into_a_day()
    {
        var dates = await Factory.WithDbAsync(db => db.Commitments
            .Where(c => c.Identifier == "ID0041" || c.Identifier == "HR0018")
            .ToDictionaryAsync(c => c.Identifier, c => new { c.StartDate, c.StartDateAsWritten, c.EndDate, c.EndDateAsWritten }));

        // 28/5/2014 can only be day first; 31/12/2014 too.
        Assert.Equal(new DateOnly(2014, 5, 28), dates["ID0041"].StartDate);
        Assert.Equal(new DateOnly(2014, 12, 31), dates["ID0041"].EndDate);

        // "July 2014"-like cells name no day: kept as written, with no date.
        var monthOnly = await Factory.WithDbAsync(db => db.Commitments.Where(c => c.StartDateAsWritten == "July 2014").Select(c => c.StartDate).ToListAsync());
        Assert.NotEmpty(monthOnly);
        Assert.All(monthOnly, d => Assert.Null(d));

        // A spreadsheet day number is converted and the report says so.
        Assert.Contains(fixture.Report.Issues, i => i.Kind == ImportIssueKind.Altered && i.Reason.Contains("spreadsheet day number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_commitment_page_shows_a_date_that_names_no_day_as_written()
    {
        var identifier = await Factory.WithDbAsync(db => db.Commitments.Where(c => c.StartDateAsWritten == "July 2014").Select(c => c.Identifier).FirstAsync());

        var page = await (await Factory.CreateBrowserlikeClient().GetAsync(new Uri($"/commitments/{identifier}", UriKind.Relative))).MainTextAsync();

        Assert.Contains("July 2014", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_commitment_page_shows_the_current_generations_values_from_OGPs_data()
    {
        var (identifier, potential) = await Factory.WithDbAsync(async db =>
        {
            var found = await db.LegacyAssessments.Where(a => a.PotentialForResults != null && a.Verifiable == true)
                .Select(a => new { Identifier = db.Commitments.Where(c => c.Id == a.CommitmentId).Select(c => c.Identifier).Single(), a.PotentialForResults })
                .FirstAsync();
            return (found.Identifier, found.PotentialForResults!.Value);
        });

        var page = await (await Factory.CreateBrowserlikeClient().GetAsync(new Uri($"/commitments/{identifier}", UriKind.Relative))).MainTextAsync();

        Assert.Contains($"Potential for results: {potential}", page, StringComparison.Ordinal);
        Assert.Contains("Verifiable", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_reviewed_and_no_data_are_kept_apart()
    {
        var kinds = await Factory.WithDbAsync(db => db.LegacyAssessments.Where(a => a.Specificity == null).Select(a => a.Missing).ToListAsync());
        Assert.Contains(kinds, k => k.Of(IrmIndicator.Specificity) == NoDataKind.NotReviewed);
        Assert.Contains(kinds, k => k.Of(IrmIndicator.Specificity) == NoDataKind.NoData);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var auditBefore = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var again = await Factory.ImportAsync(OgpFiles.RealFile());

        Assert.Null(again.FileProblem);
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Updated);
        Assert.Equal(0, again.MembersCreated + again.MembersUpdated + again.PlansCreated + again.PlansUpdated);
        Assert.Equal(fixture.Report.Created, again.Unchanged);
        Assert.Equal(auditBefore, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Export_import_export_gives_the_same_file()
    {
        var first = await Factory.ExportAsync();
        await using var empty = new EmptyPortalAppFactory();

        var report = await empty.ImportAsync(System.Text.Encoding.UTF8.GetBytes(first));
        var second = await empty.ExportAsync();

        Assert.Null(report.FileProblem);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(fixture.Report.Created, report.Created);
        Assert.Equal(first, second);
    }
}
