using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Consultations;

/// <summary>A draft commitment as it was put to consultation; <see cref="CommitmentId"/> is what a comment on it names, null once the draft was removed.</summary>
public sealed record ConsultedCommitmentView(int? CommitmentId, CommitmentWords Words);

/// <summary>
/// A published comment as the public sees it: the author only with their consent, never the e-mail; the commitment it led
/// to with its title once public, or as put to this consultation, else by its identifier only.
/// </summary>
public sealed record PublicComment(
    int Id,
    string Text,
    string? On,
    string? AuthorName,
    string? Organisation,
    DateTime ReceivedAt,
    ResponseOutcome? Outcome,
    string? Response,
    DateTime? RespondedAt,
    string? LedToIdentifier,
    string? LedToTitle,
    bool LedToIsPublic);

/// <summary>How much public input a plan's consultation received and how much was answered.</summary>
public sealed record ConsultationTally(int Received, int Held, int Published, int Answered)
{
    public static ConsultationTally None { get; } = new(0, 0, 0, 0);
}

public sealed record PublicConsultationViewModel(
    int PlanId,
    int MemberId,
    string MemberName,
    int PlanNumber,
    string PlanTitle,
    ActionPlanStatus PlanStatus,
    DateOnly ClosesOn,
    DateOnly? EndedOn,
    string Themes,
    bool IsOpen,
    IReadOnlyList<ConsultedCommitmentView> Commitments,
    IReadOnlyList<PublicComment> Comments,
    ConsultationTally Tally)
{
    public CommentForm Form { get; init; } = new();

    public bool PlanIsPublic => PlanStatus is ActionPlanStatus.Published or ActionPlanStatus.Closed;
}

/// <summary>A consultation in a list; <see cref="LastDay"/> is the day it ended early, or its closing day.</summary>
public sealed record ConsultationRow(int PlanId, string MemberName, int PlanNumber, string PlanTitle, DateOnly LastDay, bool IsOpen, int Published, int Answered);

public sealed record ConsultationsIndexViewModel(IReadOnlyList<ConsultationRow> Open, Page<ConsultationRow> Past);

/// <summary>
/// Public consultations. A consultation is public from the day it opens, with what the point of contact put
/// to consultation (themes and the chosen draft commitments) and the published comments with their
/// responses; held and rejected comments, e-mail addresses and names without consent never appear.
/// </summary>
public sealed class PublicConsultationQuery(PortalDbContext db, TimeProvider clock) : IFeatureService
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PublicConsultationViewModel?> GetAsync(int planId, CancellationToken cancellationToken)
    {
        var today = Today;
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.ActionPlanId == planId)
            .Select(c => new
            {
                c.ActionPlanId,
                c.ActionPlan.MemberId,
                MemberName = c.ActionPlan.Member.Name,
                c.ActionPlan.Number,
                c.ActionPlan.Title,
                c.ActionPlan.Status,
                c.ClosesOn,
                c.EndedOn,
                c.Themes,
                Commitments = c.Consulted.AsQueryable().OrderBy(x => x.Position).Select(x => new ConsultedCommitmentView(
                    x.CommitmentId,
                    new CommitmentWords(
                        x.Identifier,
                        x.Title,
                        x.Problem,
                        x.Description,
                        x.Solution,
                        x.LeadInstitution,
                        x.SupportingInstitutions,
                        x.StartDate,
                        x.EndDate,
                        x.Milestones.OrderBy(m => m.Position).Select(m => new WordsMilestone(m.Title, m.DueDate)).ToList()))).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var comments = await db.ConsultationComments.AsNoTracking()
            .Where(c => c.Consultation.ActionPlanId == planId && c.Status == CommentStatus.Published)
            .OrderBy(c => c.ReceivedAt)
            .Select(c => new PublicComment(
                c.Id,
                c.Text,
                c.Consultation.Consulted.Where(x => x.CommitmentId == c.CommitmentId).Select(x => x.Identifier + ": " + x.Title).FirstOrDefault(),
                c.ShowAuthor ? c.AuthorName : null,
                c.ShowAuthor ? c.Organisation : null,
                c.ReceivedAt,
                c.ResponseOutcome,
                c.Response,
                c.RespondedAt,
                c.LedToCommitment == null ? null : c.LedToCommitment.Identifier,
                // A commitment that is not public shows its title only as put to this consultation: a draft's later
                // words are not the public's yet.
                c.LedToCommitment != null && (c.LedToCommitment.ActionPlan.Status == ActionPlanStatus.Published || c.LedToCommitment.ActionPlan.Status == ActionPlanStatus.Closed)
                    ? c.LedToCommitment.Title
                    : c.Consultation.Consulted.Where(x => x.CommitmentId == c.LedToCommitmentId).Select(x => x.Title).FirstOrDefault(),
                c.LedToCommitment != null && (c.LedToCommitment.ActionPlan.Status == ActionPlanStatus.Published || c.LedToCommitment.ActionPlan.Status == ActionPlanStatus.Closed)))
            .ToListAsync(cancellationToken);

        return new PublicConsultationViewModel(
            consultation.ActionPlanId,
            consultation.MemberId,
            consultation.MemberName,
            consultation.Number,
            consultation.Title,
            consultation.Status,
            consultation.ClosesOn,
            consultation.EndedOn,
            consultation.Themes,
            Consultation.IsOpen(consultation.Status, consultation.ClosesOn, today),
            consultation.Commitments,
            comments,
            await TallyAsync(planId, cancellationToken) ?? ConsultationTally.None);
    }

    /// <summary>The plan's consultation in figures; null when it never had one. Received counts everything not rejected as spam or abuse.</summary>
    public Task<ConsultationTally?> TallyAsync(int planId, CancellationToken cancellationToken) =>
        db.Consultations.AsNoTracking()
            .Where(c => c.ActionPlanId == planId)
            .Select(c => new ConsultationTally(
                c.Comments.Count(x => x.Status != CommentStatus.Rejected),
                c.Comments.Count(x => x.Status == CommentStatus.Held),
                c.Comments.Count(x => x.Status == CommentStatus.Published),
                c.Comments.Count(x => x.Status == CommentStatus.Published && x.ResponseOutcome != null)))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<ConsultationsIndexViewModel> ListAsync(int page, CancellationToken cancellationToken)
    {
        var today = Today;
        var past = await Rows(db.Consultations.Where(c => !(c.ActionPlan.Status == ActionPlanStatus.InConsultation && c.ClosesOn >= today)).OrderByDescending(c => c.EndedOn ?? c.ClosesOn).ThenBy(c => c.ActionPlan.Member.Name))
            .ToPageAsync(page, Paging.DefaultSize, cancellationToken);
        return new ConsultationsIndexViewModel(await OpenAsync(cancellationToken), past);
    }

    /// <summary>Consultations taking comments today, closing soonest first; of one member only when <paramref name="memberId"/> is given.</summary>
    public Task<List<ConsultationRow>> OpenAsync(CancellationToken cancellationToken, int? memberId = null)
    {
        var today = Today;
        return Rows(db.Consultations
                .Where(c => c.ActionPlan.Status == ActionPlanStatus.InConsultation && c.ClosesOn >= today && (memberId == null || c.ActionPlan.MemberId == memberId))
                .OrderBy(c => c.ClosesOn).ThenBy(c => c.ActionPlan.Member.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Filter and order on the entity, then project: a projected record cannot be filtered in SQL.</summary>
    private IQueryable<ConsultationRow> Rows(IQueryable<Consultation> consultations)
    {
        var today = Today;
        return consultations.AsNoTracking().Select(c => new ConsultationRow(
            c.ActionPlanId,
            c.ActionPlan.Member.Name,
            c.ActionPlan.Number,
            c.ActionPlan.Title,
            c.EndedOn ?? c.ClosesOn,
            c.ActionPlan.Status == ActionPlanStatus.InConsultation && c.ClosesOn >= today,
            c.Comments.Count(x => x.Status == CommentStatus.Published),
            c.Comments.Count(x => x.Status == CommentStatus.Published && x.ResponseOutcome != null)));
    }
}
