using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
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
    WorkNotifications notifications,
    TimeProvider clock) : PlanEditorController
{
    public const string ConfirmSubmit = "submit";

    /// <summary>The plan; with <c>confirm=submit</c> it asks to confirm a submission that closes an open consultation.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? confirm, CancellationToken cancellationToken)
    {
        var plan = await query.GetAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await MayActForMemberAsync(plan.MemberId)
            ? View(plan with { ConfirmSubmit = confirm == ConfirmSubmit && plan.ConsultationIsOpenOn(today), Today = today })
            : Forbid();
    }

    /// <summary>
    /// Submits the plan. While its public consultation is open, submitting closes it today: that needs
    /// <paramref name="closeConsultation"/>, else the plan page asks to confirm and nothing changes.
    /// </summary>
    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, Guid version, bool closeConsultation, CancellationToken cancellationToken)
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

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.ActionPlanId == id, cancellationToken);
        if (consultation?.IsOpenOn(today) == true && !closeConsultation)
        {
            // What would refuse the submission is said first: confirming would not help.
            try
            {
                plan.EnsureSubmittable(User.ActingRole());
            }
            catch (DomainRuleException refused)
            {
                this.Error(refused.Message);
                return RedirectToAction(nameof(Show), new { id });
            }

            return RedirectToAction(nameof(Show), new { id, confirm = ConfirmSubmit });
        }

        var submitted = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, version);
                consultation?.PlanLeftConsultation(today);
                plan.Submit(User.ActingRole(), now);
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
