using Microsoft.AspNetCore.Mvc;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Notifications;

namespace OgpPortal.Web.Areas.Poc.Plans;

/// <summary>A point of contact's view of one of their members' plans: submit it, resubmit returned commitments.</summary>
[Route("poc/plans")]
public sealed class PlansController(
    PocPlanQuery query,
    PortalDbContext db,
    PlanNotifications notifications,
    TimeProvider clock) : PlanEditorController
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var plan = await query.GetAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(plan.MemberId) ? View(plan) : Forbid();
    }

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, Guid version, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        var submitted = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, version);
                plan.Submit(User.ActingRole(), clock.GetUtcNow().UtcDateTime);
            },
            $"Action plan {plan.Number} was submitted to the Support Unit for review.",
            cancellationToken);
        if (submitted)
        {
            await notifications.PlanSubmittedAsync(plan, cancellationToken);
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/commitments/{commitmentId:int}/resubmit")]
    public async Task<IActionResult> Resubmit(int id, int commitmentId, Guid version, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        var commitment = plan?.Commitments.SingleOrDefault(c => c.Id == commitmentId);
        if (plan is null || commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        var resubmitted = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(commitment, version);
                commitment.Resubmit(User.ActingRole());
            },
            $"Commitment {commitment.Identifier} was resubmitted for review.",
            cancellationToken);
        if (resubmitted)
        {
            await notifications.CommitmentResubmittedAsync(commitment, cancellationToken);
        }

        return RedirectToAction(nameof(Show), new { id });
    }
}
