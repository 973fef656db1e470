using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.Reviews;

/// <summary>The Support Unit reviews a submitted plan: accept or return each commitment, then publish.</summary>
[Route("support-unit/reviews")]
public sealed class ReviewsController(ReviewQuery query, PortalDbContext db, WorkNotifications notifications, FollowerNotifications followers, TimeProvider clock) : SupportUnitController
{
    internal const string ConfirmPublish = "publish";

    /// <summary>The review; with <c>confirm=publish</c> it asks to confirm publishing.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? confirm, CancellationToken cancellationToken)
    {
        var plan = await query.GetAsync(id, cancellationToken);
        return plan is null ? NotFound() : View(plan with { ConfirmPublish = confirm == ConfirmPublish && plan.CanPublish });
    }

    [HttpPost("{id:int}/commitments/{commitmentId:int}/accept")]
    public async Task<IActionResult> Accept(int id, int commitmentId, Guid version, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        var commitment = plan?.Commitments.SingleOrDefault(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(commitment, version);
                commitment.Accept(PortalRole.SupportUnit);
            },
            $"Commitment {commitment.Identifier} was accepted.",
            cancellationToken);
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/commitments/{commitmentId:int}/return")]
    public async Task<IActionResult> Return(int id, int commitmentId, ReturnForm form, [FromServices] IValidator<ReturnForm> validator, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        var commitment = plan?.Commitments.SingleOrDefault(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            // Re-render the review with the message beside this commitment's reason field.
            ViewData[ReturnFormFor] = commitmentId;
            return View(nameof(Show), await query.GetAsync(id, cancellationToken));
        }

        var returned = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(commitment, form.Version);
                commitment.Return(PortalRole.SupportUnit, form.Reason);
            },
            $"Commitment {commitment.Identifier} was returned to the point of contact.",
            cancellationToken);
        if (returned)
        {
            await notifications.CommitmentReturnedAsync(commitment, cancellationToken);
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>Accepts every commitment still waiting for review, those the page listed, in one change.</summary>
    [HttpPost("{id:int}/accept-remaining")]
    public async Task<IActionResult> AcceptRemaining(int id, AcceptRemainingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        // A commitment listed twice is not a page the portal drew: refused like a stale page, nothing accepted.
        var seen = form.Commitments.Where(c => c.Id > 0).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.Version);
        if (seen.Count != form.Commitments.Count)
        {
            this.Error(WorkflowChanges.ConflictMessage);
            return RedirectToAction(nameof(Show), new { id });
        }

        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                foreach (var commitment in plan.AcceptRemaining(PortalRole.SupportUnit, seen.Keys))
                {
                    db.ExpectVersion(commitment, seen[commitment.Id]);
                }
            },
            "The remaining commitments were accepted.",
            cancellationToken);
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>Sends the whole submitted plan back to Draft, with a reason, so it can be reworked.</summary>
    [HttpPost("{id:int}/return")]
    public async Task<IActionResult> ReturnPlan(int id, ReturnForm form, [FromServices] IValidator<ReturnForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            ViewData[ReturnFormFor] = WholePlan;
            return View(nameof(Show), await query.GetAsync(id, cancellationToken));
        }

        var returned = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, form.Version);
                plan.ReturnToDraft(PortalRole.SupportUnit, form.Reason);
            },
            $"{plan.Title} was returned to Draft.",
            cancellationToken);
        if (returned)
        {
            await notifications.PlanReturnedAsync(plan, cancellationToken);
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>
    /// Publishes the plan: it becomes public and its text is frozen. That needs <paramref name="confirmed"/>; without
    /// it the review page asks to confirm, with the co-creation checklist beside the button, and nothing changes.
    /// </summary>
    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, Guid version, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(Show), new { id, confirm = ConfirmPublish });
        }

        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var published = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, version);
                plan.Publish(PortalRole.SupportUnit, clock.GetUtcNow().UtcDateTime);
            },
            $"{plan.Title} is published and now public.",
            cancellationToken);
        if (published)
        {
            await notifications.PlanPublishedAsync(plan, cancellationToken);
            await followers.PlanPublishedAsync(plan, cancellationToken);
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/close")]
    public async Task<IActionResult> Close(int id, Guid version, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, version);
                plan.Close(PortalRole.SupportUnit, clock.GetUtcNow().UtcDateTime);
            },
            $"{plan.Title} is closed.",
            cancellationToken);
        return RedirectToAction(nameof(Show), new { id });
    }

    internal const string ReturnFormFor = "ReturnFormFor";

    /// <summary>The value of <see cref="ReturnFormFor"/> when the failed form is the whole plan's.</summary>
    internal const int WholePlan = 0;
}
