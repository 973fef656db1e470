using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;

namespace OgpPortal.Web.Areas.Poc.Consultations;

public sealed record CommitmentOption(int Id, string Identifier, string Title);

public sealed record ModeratedComment(
    int Id,
    string Text,
    string? On,
    string? AuthorName,
    string? Organisation,
    bool ShowAuthor,
    bool HasEmail,
    DateTime ReceivedAt,
    CommentStatus Status,
    RejectionReason? RejectionReason,
    ResponseOutcome? Outcome,
    string? Response,
    int? LedToCommitmentId,
    Guid Version);

public sealed record ManageConsultationViewModel(
    int PlanId,
    int MemberId,
    string MemberName,
    int PlanNumber,
    string PlanTitle,
    ActionPlanStatus PlanStatus,
    Guid PlanVersion,
    int? ConsultationId,
    DateOnly? ClosesOn,
    IReadOnlyList<CommitmentOption> Commitments,
    IReadOnlyList<ModeratedComment> Comments)
{
    public ConsultationForm Form { get; init; } = new();

    /// <summary>A response form sent back with its messages: which comment, and what was typed.</summary>
    public (int CommentId, ResponseForm Form)? Answering { get; init; }

    public ResponseForm AnswerFor(ModeratedComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return Answering is { } a && a.CommentId == comment.Id
            ? a.Form
            : new ResponseForm { Outcome = comment.Outcome, Response = comment.Response ?? string.Empty, LedToCommitmentId = comment.LedToCommitmentId, Version = comment.Version };
    }

    public bool IsInConsultation => PlanStatus == ActionPlanStatus.InConsultation;

    /// <summary>A consultation is opened (or reopened) on a plan in Draft, and changed while it runs.</summary>
    public bool CanOpenOrChange => PlanStatus is ActionPlanStatus.Draft or ActionPlanStatus.InConsultation;

    public IEnumerable<ModeratedComment> Held => Comments.Where(c => c.Status == CommentStatus.Held);

    public IEnumerable<ModeratedComment> Published => Comments.Where(c => c.Status == CommentStatus.Published);

    public IEnumerable<ModeratedComment> Rejected => Comments.Where(c => c.Status == CommentStatus.Rejected);
}

/// <summary>A plan's consultation as its point of contact (or the Support Unit) runs it: scope and every comment. Access is checked by the caller.</summary>
public sealed class ManageConsultationQuery(PortalDbContext db) : IFeatureService
{
    public async Task<ManageConsultationViewModel?> GetAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                p.MemberId,
                MemberName = p.Member.Name,
                p.Number,
                p.Title,
                p.Status,
                p.Version,
                Commitments = p.Commitments.OrderBy(c => c.Position).Select(c => new CommitmentOption(c.Id, c.Identifier, c.Title)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.ActionPlanId == planId)
            .Select(c => new
            {
                c.Id,
                c.ClosesOn,
                c.Themes,
                c.Version,
                CommitmentIds = c.Commitments.Select(x => x.Id).ToList(),
                Comments = c.Comments.OrderByDescending(x => x.ReceivedAt).Select(x => new ModeratedComment(
                    x.Id,
                    x.Text,
                    x.Commitment == null ? null : x.Commitment.Identifier + ": " + x.Commitment.Title,
                    x.AuthorName,
                    x.Organisation,
                    x.ShowAuthor,
                    x.Email != null,
                    x.ReceivedAt,
                    x.Status,
                    x.RejectionReason,
                    x.ResponseOutcome,
                    x.Response,
                    x.LedToCommitmentId,
                    x.Version)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);

        return new ManageConsultationViewModel(
            plan.Id,
            plan.MemberId,
            plan.MemberName,
            plan.Number,
            plan.Title,
            plan.Status,
            plan.Version,
            consultation?.Id,
            consultation?.ClosesOn,
            plan.Commitments,
            consultation?.Comments ?? [])
        {
            Form = consultation is null
                ? new ConsultationForm { CommitmentIds = plan.Commitments.Select(c => c.Id).ToList() }
                : new ConsultationForm { ClosesOn = consultation.ClosesOn, Themes = consultation.Themes, CommitmentIds = consultation.CommitmentIds, Version = consultation.Version },
        };
    }
}
