using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Reports;

/// <summary>A published report's finding on one commitment, with the report's name and date.</summary>
public sealed record PublishedFinding(int ReportId, ReportType Type, DateOnly PublishedOn, AssessmentRow Assessment);

/// <summary>
/// The IRM's assessment of a commitment as OGP's data records it: the legacy indicators, and for later plans
/// the current generation's values the data holds. Shown as recorded (never mapped onto the current scales).
/// </summary>
public sealed record LegacyFinding(
    Specificity? Specificity, OgpValues Relevance, PotentialImpact? PotentialImpact, LegacyCompletion? AtProgressReport, LegacyCompletion? AtEndOfTerm,
    EarlyResults? DidItOpenGovernment, bool Starred, bool? Verifiable = null, PotentialForResults? PotentialForResults = null, RecordedEarlyResults? EarlyResults = null);

public sealed record CommitmentFindings(IReadOnlyList<PublishedFinding> Reports, LegacyFinding? Legacy)
{
    public static readonly CommitmentFindings None = new([], null);
}

public sealed record PublishedReportRow(int Id, ReportType Type, DateOnly PublishedOn, int Revision, string MemberName, string MemberCode, int PlanId, int PlanNumber, string? Summary);

/// <summary>What the public may see of the IRM's work: published reports only, never a draft or pre-publication.</summary>
public sealed class PublicFindings(PortalDbContext db) : IFeatureService
{
    public async Task<CommitmentFindings> ForCommitmentAsync(string identifier, CancellationToken cancellationToken)
    {
        var reports = await db.CommitmentAssessments.AsNoTracking()
            .Where(a => a.Commitment.Identifier == identifier)
            .Join(PublishedReports(), a => a.ReportId, r => r.Id, (a, r) => new { a, r.Type, r.PublishedOn, a.Commitment.Identifier, a.Commitment.Title })
            .OrderBy(x => x.PublishedOn)
            .Select(x => new PublishedFinding(
                x.a.ReportId,
                x.Type,
                x.PublishedOn!.Value,
                new AssessmentRow(x.a.CommitmentId, x.Identifier, x.Title, true, x.a.Verifiable, x.a.Relevance, x.a.Potential, x.a.Promising, x.a.PromisingReason, x.a.Cluster, x.a.Completion, x.a.EarlyResults, x.a.Narrative)))
            .ToListAsync(cancellationToken);
        var legacy = await db.LegacyAssessments.AsNoTracking()
            .Where(l => db.Commitments.Any(c => c.Id == l.CommitmentId && c.Identifier == identifier))
            .SingleOrDefaultAsync(cancellationToken);
        return new CommitmentFindings(
            reports,
            legacy is null ? null : new LegacyFinding(legacy.Specificity, legacy.Relevance, legacy.PotentialImpact, legacy.CompletionAtProgressReport, legacy.CompletionAtEndOfTerm, legacy.DidItOpenGovernment, legacy.IsStarred, legacy.Verifiable, legacy.PotentialForResults, legacy.EarlyResults));
    }

    /// <summary>The published reports on one public plan, each with its findings per commitment (at most three reports).</summary>
    public async Task<IReadOnlyList<ReportView>> ForPlanAsync(int planId, CancellationToken cancellationToken)
    {
        var ids = await PublishedReports().Where(r => r.ActionPlanId == planId).OrderBy(r => r.PublishedOn).Select(r => r.Id).ToListAsync(cancellationToken);
        var reports = new List<ReportView>();
        foreach (var id in ids)
        {
            reports.Add((await db.LoadReportAsync(id, cancellationToken))!);
        }

        return reports;
    }

    /// <summary>Published reports on public plans: a report never shows what the plan itself may not.</summary>
    public IQueryable<IrmReport> PublishedReports() => PublishedReportsOf(db);

    /// <summary>The same, over any context (the search's index builds from its own).</summary>
    public static IQueryable<IrmReport> PublishedReportsOf(PortalDbContext db) =>
        db.IrmReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published
            && (r.ActionPlan.Status == Domain.ActionPlans.ActionPlanStatus.Published || r.ActionPlan.Status == Domain.ActionPlans.ActionPlanStatus.Closed));

    public IQueryable<PublishedReportRow> Published() =>
        PublishedReports()
            .OrderByDescending(r => r.PublishedOn).ThenBy(r => r.ActionPlan.Member.Name)
            .Select(r => new PublishedReportRow(r.Id, r.Type, r.PublishedOn!.Value, r.Revision, r.ActionPlan.Member.Name, r.ActionPlan.Member.Code, r.ActionPlanId, r.ActionPlan.Number, r.Summary));
}
