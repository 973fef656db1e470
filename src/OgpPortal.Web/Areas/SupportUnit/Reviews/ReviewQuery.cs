using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.SupportUnit.Reviews;

public sealed record ReviewCommitment(
    int Id,
    string Identifier,
    string Title,
    string LeadInstitution,
    string? Problem,
    string? Description,
    string? Solution,
    string? ShortTitle,
    string? Theme,
    string? SupportingInstitutions,
    DateOnly? StartDate,
    DateOnly? EndDate,
    OgpValues Values,
    ChallengeArea? ChallengeArea,
    IReadOnlyList<string> PolicyAreas,
    CommitmentReviewStatus ReviewStatus,
    string? ReturnReason,
    Guid Version,
    IReadOnlyList<MilestoneRow> Milestones);

public sealed record ReviewViewModel(
    int Id,
    string MemberName,
    int Number,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActionPlanStatus Status,
    DateTime? SubmittedAt,
    Guid Version,
    IReadOnlyList<ReviewCommitment> Commitments,
    DateOnly Today)
{
    public bool UnderReview => Status == ActionPlanStatus.Submitted;

    /// <summary>A published plan can be closed from the last day of its period (the domain checks it again).</summary>
    public bool CanClose => Status == ActionPlanStatus.Published && Today >= PeriodEnd;

    public bool CanPublish => UnderReview && Commitments.Count > 0 && Commitments.All(c => c.ReviewStatus == CommitmentReviewStatus.Accepted);

    /// <summary>The commitments still waiting for the Support Unit's decision.</summary>
    public IReadOnlyList<ReviewCommitment> Remaining => UnderReview ? Commitments.Where(c => Commitment.AwaitsDecision(c.ReviewStatus)).ToList() : [];

    /// <summary>The plan's co-creation checklist, shown where publishing happens.</summary>
    public IReadOnlyList<StandardCheck> Checklist { get; init; } = [];

    /// <summary>Set when the reviewer asked to publish: the page asks to confirm.</summary>
    public bool ConfirmPublish { get; init; }
}

/// <summary>A plan as the Support Unit reviews it: every commitment's text, milestones and review state.</summary>
public sealed class ReviewQuery(PortalDbContext db, CoCreationChecklist checklist, TimeProvider clock) : IFeatureService
{
    public async Task<ReviewViewModel?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var review = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ReviewViewModel(
                p.Id,
                p.Member.Name,
                p.Number,
                p.Title,
                p.PeriodStart,
                p.PeriodEnd,
                p.Status,
                p.SubmittedAt,
                p.Version,
                p.Commitments.OrderBy(c => c.Position).Select(c => new ReviewCommitment(
                    c.Id,
                    c.Identifier,
                    c.Title,
                    c.LeadInstitution,
                    c.Problem,
                    c.Description,
                    c.Solution,
                    c.ShortTitle,
                    c.Theme,
                    c.SupportingInstitutions,
                    c.StartDate,
                    c.EndDate,
                    c.Values,
                    c.ChallengeArea,
                    c.PolicyAreas.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                    c.ReviewStatus,
                    c.ReturnReason,
                    c.Version,
                    c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection).ToList())).ToList(),
                today))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return review is null ? null : review with { Checklist = await checklist.ForPlanAsync(id, cancellationToken) ?? [] };
    }
}
