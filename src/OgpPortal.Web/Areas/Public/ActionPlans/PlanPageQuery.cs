using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.ActionPlans;

public sealed record PlanCommitment(
    string Identifier,
    string Title,
    string? Theme,
    string LeadInstitution,
    string? SupportingInstitutions,
    string? Problem,
    string? Description,
    string? Solution,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<MilestoneRow> Milestones)
{
    public int ProgressPercent => Milestones.ProgressPercent();

    /// <summary>The commitment's words in full; its milestones are shown with their progress instead.</summary>
    public CommitmentWords Words => new(Identifier, Title, Problem, Description, Solution, LeadInstitution, SupportingInstitutions, StartDate, EndDate, []);
}

public sealed record PlanPageViewModel(
    int Id,
    int MemberId,
    string MemberName,
    string MemberCode,
    int Number,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActionPlanStatus Status,
    DateTime? PublishedAt,
    string? CoCreationSummary,
    IReadOnlyList<PlanCommitment> Commitments,
    string? TextLanguage)
{
    /// <summary>More commitments than this, and the page gets a table of contents and its commitments start folded.</summary>
    public const int ShortPlan = 3;

    public int ProgressPercent => Progress.OfPlan(Commitments.Select(c => c.ProgressPercent));

    public bool IsLong => Commitments.Count > ShortPlan;

    /// <summary>The IRM's published reports on the plan; filled by the controller.</summary>
    public IReadOnlyList<Shared.Reports.ReportView> Reports { get; init; } = [];

    /// <summary>The public input its consultation received, when it had one; filled by the controller.</summary>
    public Consultations.ConsultationTally? Consultation { get; init; }

    /// <summary>The plan's co-creation checklist as it stands; filled by the controller.</summary>
    public IReadOnlyList<StandardCheck> Checklist { get; init; } = [];
}

/// <summary>
/// A published plan with its commitments and milestones. Unpublished plans are not found. Split into three
/// queries (plan, its commitments, their milestones), each narrowed to the plan: as one query SQLite joined every
/// commitment with its milestones before keeping one plan's (about 1 s at 60,000 commitments).
/// </summary>
public sealed class PlanPageQuery(PortalDbContext db) : IFeatureService
{
    public Task<PlanPageViewModel?> GetAsync(int id, CancellationToken cancellationToken) =>
        db.ActionPlans.AsNoTracking()
            .WherePublic()
            .Where(p => p.Id == id)
            .AsSplitQuery()
            .Select(p => new PlanPageViewModel(
                p.Id,
                p.MemberId,
                p.Member.Name,
                p.Member.Code,
                p.Number,
                p.Title,
                p.PeriodStart,
                p.PeriodEnd,
                p.Status,
                p.PublishedAt,
                p.CoCreationSummary,
                p.Commitments.OrderBy(c => c.Position).Select(c => new PlanCommitment(
                    c.Identifier,
                    c.Title,
                    c.Theme,
                    c.LeadInstitution,
                    c.SupportingInstitutions,
                    c.Problem,
                    c.Description,
                    c.Solution,
                    c.StartDate,
                    c.EndDate,
                    c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection).ToList())).ToList(),
                p.TextLanguage))
            .SingleOrDefaultAsync(cancellationToken);
}
