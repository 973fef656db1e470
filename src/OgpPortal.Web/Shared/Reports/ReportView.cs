using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Shared.Reports;

/// <summary>One commitment's line in a report: its identifier and title, and its assessment if made.</summary>
public sealed record AssessmentRow(
    int CommitmentId,
    string Identifier,
    string Title,
    bool Assessed,
    bool? Verifiable,
    OgpValues Relevance,
    PotentialForResults? Potential,
    bool Promising,
    string? PromisingReason,
    string? Cluster,
    Completion? Completion,
    EarlyResults? EarlyResults,
    string? Narrative);

public sealed record CommentRow(int Id, string Author, Domain.Access.PortalRole AuthorRole, string Text, DateTime At, string? Answer, DateTime? AnsweredAt);

/// <summary>An IRM report as every screen shows it (researcher, point of contact, Support Unit, public).</summary>
public sealed record ReportView(
    int Id,
    int PlanId,
    int MemberId,
    string MemberName,
    string MemberCode,
    int PlanNumber,
    string PlanTitle,
    ActionPlanStatus PlanStatus,
    ReportType Type,
    ReportStatus Status,
    string? Summary,
    string? KeyFindings,
    string? DocumentUrl,
    DateOnly? PublishedOn,
    int Revision,
    string? CorrectionNote,
    string? LeftOutReason,
    Guid Version,
    IReadOnlyList<AssessmentRow> Commitments,
    IReadOnlyList<CommentRow> Comments)
{
    /// <summary>The plan's commitments this report has not assessed (<see cref="Domain.Irm.IrmReport.Unassessed"/>).</summary>
    public IReadOnlyList<AssessmentRow> Unassessed => Commitments.Where(c => !c.Assessed).ToList();

    /// <summary>The report's title in the request's language: "Action Plan Review: Norway, action plan 5", "Informe de …: Noruega, plan de acción 5".</summary>
    public string Title(Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["{0}: {1}, action plan {2}", localizer.Name(Type), MemberNames.Of(MemberName), PlanNumber];
    }
}

public static class ReportQueries
{
    /// <summary>Loads a report with every commitment of its plan (assessed or not) and its comments, in three queries.</summary>
    public static async Task<ReportView?> LoadReportAsync(this PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.IrmReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id,
                r.ActionPlanId,
                r.ActionPlan.MemberId,
                MemberName = r.ActionPlan.Member.Name,
                r.ActionPlan.Member.Code,
                r.ActionPlan.Number,
                r.ActionPlan.Title,
                PlanStatus = r.ActionPlan.Status,
                r.Type,
                r.Status,
                r.Summary,
                r.KeyFindings,
                r.DocumentUrl,
                r.PublishedOn,
                r.Revision,
                r.CorrectionNote,
                r.LeftOutReason,
                r.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.ActionPlanId == report.ActionPlanId)
            .OrderBy(c => c.Position)
            .Select(c => new
            {
                c.Id,
                c.Identifier,
                c.Title,
                Assessment = db.CommitmentAssessments.Where(a => a.ReportId == id && a.CommitmentId == c.Id)
                    .Select(a => new { a.Verifiable, a.Relevance, a.Potential, a.Promising, a.PromisingReason, a.Cluster, a.Completion, a.EarlyResults, a.Narrative })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var comments = await db.ReportComments.AsNoTracking()
            .Where(c => c.ReportId == id)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, c.Author, c.AuthorRole, c.Text, c.At, c.Answer, c.AnsweredAt))
            .ToListAsync(cancellationToken);
        return new ReportView(
            report.Id, report.ActionPlanId, report.MemberId, report.MemberName, report.Code, report.Number, report.Title, report.PlanStatus, report.Type, report.Status,
            report.Summary, report.KeyFindings, report.DocumentUrl, report.PublishedOn, report.Revision, report.CorrectionNote, report.LeftOutReason, report.Version,
            commitments.Select(c => c.Assessment is { } a
                    ? new AssessmentRow(c.Id, c.Identifier, c.Title, true, a.Verifiable, a.Relevance, a.Potential, a.Promising, a.PromisingReason, a.Cluster, a.Completion, a.EarlyResults, a.Narrative)
                    : new AssessmentRow(c.Id, c.Identifier, c.Title, false, null, OgpValues.None, null, false, null, null, null, null, null))
                .ToList(),
            comments);
    }
}
