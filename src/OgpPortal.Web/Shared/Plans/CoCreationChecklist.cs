using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>
/// A plan's Participation and Co-Creation checklist from everything the portal knows of it: the Support Unit's
/// record (forum, meetings, links) and the portal's own evidence (its consultation and the reasoned responses
/// to it), judged by <see cref="CoCreationStandards"/>. The one source for the plan record, the review page
/// and the public plan page.
/// </summary>
public sealed class CoCreationChecklist(PortalDbContext db, TimeProvider clock) : IFeatureService
{
    /// <summary>The plan's checklist; null when there is no such plan. Callers check who may read it.</summary>
    public async Task<IReadOnlyList<StandardCheck>?> ForPlanAsync(int planId, CancellationToken cancellationToken)
    {
        // One query: the plan's record, its meetings and its consultation in figures.
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.ForumName,
                p.RepositoryUrl,
                p.ConsultationUrl,
                p.ReasonedResponseUrl,
                p.PeriodStart,
                p.PeriodEnd,
                p.Status,
                Meetings = p.ForumMeetings.Select(m => m.HeldOn).ToList(),
                Consultation = db.Consultations.Where(c => c.ActionPlanId == p.Id)
                    .Select(c => new
                    {
                        c.OpenedAt,
                        c.ClosesOn,
                        c.EndedOn,
                        Published = c.Comments.Count(x => x.Status == CommentStatus.Published),
                        Answered = c.Comments.Count(x => x.Status == CommentStatus.Published && x.ResponseOutcome != null),
                        Held = c.Comments.Count(x => x.Status == CommentStatus.Held),
                    })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var consultation = plan.Consultation;
        var held = consultation is null
            ? null
            : new PortalConsultation(
                DateOnly.FromDateTime(consultation.OpenedAt),
                consultation.EndedOn ?? consultation.ClosesOn,
                Consultation.IsOpen(plan.Status, consultation.ClosesOn, today),
                consultation.Published,
                consultation.Answered,
                consultation.Held);
        return CoCreationStandards.Check(
            new CoCreationEvidence(plan.ForumName, plan.Meetings, plan.RepositoryUrl, plan.ConsultationUrl, plan.ReasonedResponseUrl, held, plan.PeriodStart, plan.PeriodEnd),
            today);
    }
}

/// <summary>The checklist partial's model: the checks and the heading's id and look on the page it is part of.</summary>
public sealed record CoCreationChecklistBlock(IReadOnlyList<StandardCheck> Checks, string HeadingId = "checklist-heading", string HeadingClass = "h4");
