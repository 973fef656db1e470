using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>
/// Writes commitments in OGP's own layout (the columns of <see cref="OgpColumns.Export"/>, the subset of the
/// current export the portal keeps), so that importing the file into an empty portal and exporting again
/// gives the same file. One query for the rows (streamed) and one for the policy areas.
/// </summary>
public sealed class OgpDataExporter(PortalDbContext db)
{
    private const string DateFormat = "M/d/yyyy";

    private sealed record Row(
        int Id, string Identifier, string MemberName, string? Country, string Code, string? DataCode, MemberKind Kind, Region Region,
        int PlanNumber, string? OgpId, int? SubmissionYear, DateOnly PeriodStart, DateOnly PeriodEnd, int? Duration, int Position,
        string? NumberInPlan, string? Theme, string Title, string? ShortTitle, string? Description, DateOnly? StartDate,
        string? StartDateAsWritten, DateOnly? EndDate, string? EndDateAsWritten, string LeadInstitution, string? SupportingInstitutions,
        OgpValues Values, LegacyAssessment? Assessment);

    public static IReadOnlyList<string> Header => OgpColumns.Export;

    /// <summary>The rows, by member code, plan number and position; only published and closed plans when <paramref name="publicOnly"/>.</summary>
    public async IAsyncEnumerable<string?[]> RowsAsync(bool publicOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var commitments = db.Commitments.AsNoTracking()
            .Where(c => !publicOnly || c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed);
        var links = (await commitments.SelectMany(c => c.PolicyAreas, (c, a) => new { c.Id, AreaId = a.Id }).ToListAsync(cancellationToken))
            .ToLookup(l => l.Id, l => l.AreaId);
        var rows =
            from c in commitments.OrderBy(c => c.ActionPlan.Member.Code).ThenBy(c => c.ActionPlan.Number).ThenBy(c => c.Position)
            join a in db.LegacyAssessments.AsNoTracking() on c.Id equals a.CommitmentId into assessments
            from a in assessments.DefaultIfEmpty()
            select new Row(
                c.Id, c.Identifier, c.ActionPlan.Member.Name, c.ActionPlan.Member.Country, c.ActionPlan.Member.Code, c.ActionPlan.Member.DataCode,
                c.ActionPlan.Member.Kind, c.ActionPlan.Member.Region, c.ActionPlan.Number, c.ActionPlan.OgpId, c.ActionPlan.SubmissionYear,
                c.ActionPlan.PeriodStart, c.ActionPlan.PeriodEnd, c.ActionPlan.RecordedDurationYears, c.Position, c.NumberInPlan, c.Theme,
                c.Title, c.ShortTitle, c.Description, c.StartDate, c.StartDateAsWritten, c.EndDate, c.EndDateAsWritten, c.LeadInstitution,
                c.SupportingInstitutions, c.Values, a);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Cells(row, links[row.Id].ToHashSet());
        }
    }

    private static string?[] Cells(Row r, HashSet<int> areas)
    {
        var a = r.Assessment;
        var place = r.Kind is MemberKind.Local or MemberKind.LegacyLocal && r.Country is not null && r.Country != r.MemberName
            ? $"{r.MemberName}, {r.Country}"
            : r.MemberName;
        var relevanceGap = a?.Missing.Of(IrmIndicator.Relevance) is { } gap and not NoDataKind.NoData && r.Values == OgpValues.None ? OgpCells.Code(gap) : null;
        string Value(OgpValues flag) => relevanceGap ?? ((r.Values & flag) != 0 ? "1" : "0");
        string Cell<T>(T? value, IrmIndicator indicator, Func<T, string> name)
            where T : struct => value is { } v ? name(v) : OgpCells.Code(a?.Missing.Of(indicator) ?? NoDataKind.NoData);

        return
        [
            r.Identifier, place, Number(r.PlanNumber), r.NumberInPlan ?? Number(r.Position), r.DataCode ?? r.Code,
            EnumDisplay.Name(r.Region), EnumDisplay.Name(r.Kind), Number(r.SubmissionYear ?? r.PeriodStart.Year), Number(r.PeriodEnd.Year),
            Number(r.Duration ?? PlanPeriod.Years(r.PeriodStart, r.PeriodEnd)), r.Theme, r.Title, r.ShortTitle, r.Description,
            r.StartDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? r.StartDateAsWritten,
            r.EndDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? r.EndDateAsWritten,
            r.LeadInstitution, r.SupportingInstitutions,
            .. PolicyAreaCatalog.All.Select(p => areas.Contains(p.Id) ? "1" : "0"),
            Cell(a?.Specificity, IrmIndicator.Specificity, v => v.ToString()),
            Cell(a?.Verifiable, IrmIndicator.Verifiable, v => v ? "Yes" : "No"),
            Value(OgpValues.AccessToInformation), Value(OgpValues.CivicParticipation), Value(OgpValues.PublicAccountability), Value(OgpValues.TechnologyAndInnovation),
            Cell(a?.PotentialImpact, IrmIndicator.PotentialImpact, v => v.ToString()),
            Cell(a?.CompletionAtProgressReport, IrmIndicator.CompletionAtProgressReport, Completion),
            Cell(a?.StarredAtProgressReport, IrmIndicator.StarredAtProgressReport, v => v ? "1" : "0"),
            Cell(a?.PotentialForResults, IrmIndicator.PotentialForResults, v => v.ToString()),
            Cell(a?.CompletionAtEndOfTerm, IrmIndicator.CompletionAtEndOfTerm, Completion),
            Cell(a?.EarlyResults, IrmIndicator.EarlyResults, v => EnumDisplay.Name(v)),
            Cell(a?.DidItOpenGovernment, IrmIndicator.DidItOpenGovernment, v => v == EarlyResults.DidNotChange ? "Did Not Change" : v.ToString()),
            Cell(a?.StarredAtEndOfTerm, IrmIndicator.StarredAtEndOfTerm, v => v ? "1" : "0"),
            r.OgpId ?? OgpColumns.PlanIdFor(r.DataCode ?? r.Code, r.PlanNumber),
        ];
    }

    /// <summary>Completion in OGP's words ("Not Started").</summary>
    private static string Completion(LegacyCompletion value) => value == LegacyCompletion.NotStarted ? "Not Started" : value.ToString();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
