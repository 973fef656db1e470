using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Areas.SupportUnit.Consultations;

public sealed record ModerationQueueRow(int PlanId, string MemberName, int PlanNumber, string PlanTitle, DateOnly ClosesOn, int Held, int Unanswered, DateTime? OldestHeld);

/// <summary>
/// The Support Unit's view of every consultation: where comments wait for moderation or a response. The
/// moderation itself happens on the plan's consultation screen, which the Support Unit shares with the
/// member's points of contact.
/// </summary>
[Route("support-unit/consultations")]
public sealed class ConsultationsController(PortalDbContext db) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        View(await db.Consultations.AsNoTracking()
            .OrderByDescending(c => c.Comments.Count(x => x.Status == CommentStatus.Held))
            .ThenByDescending(c => c.Comments.Count(x => x.Status == CommentStatus.Published && x.ResponseOutcome == null))
            .ThenBy(c => c.ActionPlan.Member.Name)
            .Select(c => new ModerationQueueRow(
                c.ActionPlanId,
                c.ActionPlan.Member.Name,
                c.ActionPlan.Number,
                c.ActionPlan.Title,
                c.ClosesOn,
                c.Comments.Count(x => x.Status == CommentStatus.Held),
                c.Comments.Count(x => x.Status == CommentStatus.Published && x.ResponseOutcome == null),
                c.Comments.Where(x => x.Status == CommentStatus.Held).Min(x => (DateTime?)x.ReceivedAt)))
            .ToPageAsync(Paging.Clamp(page), Paging.DefaultSize, cancellationToken));
}
