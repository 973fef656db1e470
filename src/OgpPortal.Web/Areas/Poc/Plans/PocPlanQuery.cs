using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Poc.Plans;

public sealed record PocCommitmentRow(int Id, string Identifier, string Title, CommitmentReviewStatus ReviewStatus, string? ReturnReason, Guid Version, IReadOnlyList<MilestoneRow> Milestones)
{
    public int ProgressPercent => Milestones.ProgressPercent();
}

public sealed record PocPlanViewModel(
    int Id,
    int MemberId,
    string MemberName,
    int Number,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActionPlanStatus Status,
    string? ReturnReason,
    Guid Version,
    IReadOnlyList<PocCommitmentRow> Commitments,
    int HeldComments,
    DateOnly? ConsultationClosesOn)
{
    /// <summary>Whether the plan has a consultation (open or closed): its closing day is known.</summary>
    public bool HasConsultation => ConsultationClosesOn is not null;

    /// <summary>Set when the point of contact asked to submit while the consultation is open: the page asks to confirm.</summary>
    public bool ConfirmSubmit { get; init; }

    /// <summary>Today, for the confirmation's wording.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Whether the plan's public consultation takes comments on <paramref name="today"/> (<see cref="Consultation.IsOpenOn"/>).</summary>
    public bool ConsultationIsOpenOn(DateOnly today) => ConsultationClosesOn is { } closesOn && Consultation.IsOpen(Status, closesOn, today);

    public bool CanSubmit => Status is ActionPlanStatus.Draft or ActionPlanStatus.InConsultation;

    public int ProgressPercent => Domain.Commitments.Progress.OfPlan(Commitments.Select(c => c.ProgressPercent));
}

/// <summary>One plan as its point of contact works on it, drafts included. Access is checked by the caller.</summary>
public sealed class PocPlanQuery(PortalDbContext db) : IFeatureService
{
    public Task<PocPlanViewModel?> GetAsync(int id, CancellationToken cancellationToken) =>
        db.ActionPlans.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PocPlanViewModel(
                p.Id,
                p.MemberId,
                p.Member.Name,
                p.Number,
                p.Title,
                p.PeriodStart,
                p.PeriodEnd,
                p.Status,
                p.ReturnReason,
                p.Version,
                p.Commitments.OrderBy(c => c.Position).Select(c => new PocCommitmentRow(
                    c.Id,
                    c.Identifier,
                    c.Title,
                    c.ReviewStatus,
                    c.ReturnReason,
                    c.Version,
                    c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection).ToList())).ToList(),
                db.ConsultationComments.Count(c => c.Consultation.ActionPlanId == p.Id && c.Status == CommentStatus.Held),
                db.Consultations.Where(c => c.ActionPlanId == p.Id).Select(c => (DateOnly?)c.ClosesOn).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
}
