using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.Consultations;

/// <summary>
/// A plan's public consultation, run by the member's point of contact: open it on a draft with a closing
/// date and what is put to the public, moderate the comments (the Support Unit moderates too), and write
/// the reasoned response to each published one.
/// </summary>
[Route("poc/plans/{planId:int}/consultation")]
public sealed class ConsultationsController(
    ManageConsultationQuery query,
    PortalDbContext db,
    FollowerNotifications followers,
    ConsultationNotifications commenters,
    TimeProvider clock) : PlanEditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Manage(int planId, CancellationToken cancellationToken)
    {
        var model = await query.GetAsync(planId, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(model.MemberId) ? View(model) : Forbid();
    }

    [HttpPost("")]
    public async Task<IActionResult> Open(int planId, [Bind(Prefix = nameof(ManageConsultationViewModel.Form))] ConsultationForm form, [FromServices] IValidator<ConsultationForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, nameof(ManageConsultationViewModel.Form), cancellationToken))
        {
            return await RedisplayAsync(planId, form, cancellationToken);
        }

        var consultation = await db.LoadConsultationAsync(planId, withComments: true, cancellationToken);
        var wasOpen = plan.Status == ActionPlanStatus.InConsultation;
        var chosen = plan.Commitments.Where(c => form.CommitmentIds.Contains(c.Id)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await this.TrySaveFormAsync(
            db,
            () =>
            {
                if (consultation is null)
                {
                    db.Consultations.Add(Consultation.Open(plan, User.ActingRole(), form.ClosesOn!.Value, form.Themes, chosen, now));
                }
                else
                {
                    db.ExpectVersion(consultation, form.Version);
                    if (wasOpen)
                    {
                        consultation.ChangeScope(form.ClosesOn!.Value, form.Themes, chosen, DateOnly.FromDateTime(now));
                    }
                    else
                    {
                        consultation.Reopen(User.ActingRole(), form.ClosesOn!.Value, form.Themes, chosen, now);
                    }
                }
            },
            WorkflowChanges.ConflictMessage,
            cancellationToken);
        if (!saved)
        {
            db.ChangeTracker.Clear();
            return await RedisplayAsync(planId, form, cancellationToken);
        }

        if (wasOpen)
        {
            this.Success("The consultation was updated.");
        }
        else
        {
            this.Success("Action plan {0} is open for public consultation until {1}. Comments arrive here for moderation.", plan.Number, form.ClosesOn!.Value.ToDisplayDate());
            await followers.PlanInConsultationAsync(plan, form.ClosesOn!.Value, cancellationToken);
        }

        return RedirectToAction(nameof(Manage), new { planId });
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(int planId, Guid version, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.ActionPlanId == planId, cancellationToken);
        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, version);
                consultation?.PlanLeftConsultation(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
                plan.CloseConsultation(User.ActingRole());
            },
            $"The consultation on action plan {plan.Number} is closed and the plan is back in Draft. Its public input and your responses stay public.",
            cancellationToken);
        return RedirectToAction(nameof(Manage), new { planId });
    }

    [HttpPost("comments/{commentId:int}/publish")]
    public Task<IActionResult> Publish(int planId, int commentId, Guid version, CancellationToken cancellationToken) =>
        ModerateAsync(planId, commentId, version, c => c.Publish(clock.GetUtcNow().UtcDateTime), "The comment is published. Write the reasoned response when you have considered it.", cancellationToken);

    [HttpPost("comments/{commentId:int}/reject")]
    public Task<IActionResult> Reject(int planId, int commentId, Guid version, RejectionReason reason, CancellationToken cancellationToken) =>
        ModerateAsync(planId, commentId, version, c => c.Reject(reason, clock.GetUtcNow().UtcDateTime), $"The comment was rejected ({Domain.Common.EnumDisplay.Name(reason).ToLowerInvariant()}); it will not be shown.", cancellationToken);

    [HttpPost("comments/{commentId:int}/respond")]
    public async Task<IActionResult> Respond(int planId, int commentId, [FromServices] IValidator<ResponseForm> validator, CancellationToken cancellationToken)
    {
        // Each comment has its own response form, its fields named after the comment (Answer12.Response).
        var prefix = ResponseForm.PrefixFor(commentId);
        var form = new ResponseForm();
        await TryUpdateModelAsync(form, prefix);
        var comment = await LoadCommentAsync(planId, commentId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(comment.Consultation.ActionPlan.MemberId))
        {
            return Forbid();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, prefix, cancellationToken))
        {
            return await RedisplayAsync(planId, null, cancellationToken, (commentId, form));
        }

        var ledTo = form.LedToCommitmentId is { } id ? await db.Commitments.SingleOrDefaultAsync(c => c.Id == id && c.ActionPlanId == planId, cancellationToken) : null;
        if (form.LedToCommitmentId is not null && ledTo is null)
        {
            ModelState.AddModelError($"{prefix}.{nameof(ResponseForm.LedToCommitmentId)}", "Choose one of this plan's commitments.");
            return await RedisplayAsync(planId, null, cancellationToken, (commentId, form));
        }

        var firstAnswer = !comment.IsAnswered;
        var saved = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(comment, form.Version);
                comment.Respond(form.Outcome!.Value, form.Response, ledTo, clock.GetUtcNow().UtcDateTime);
            },
            "The reasoned response is saved and shown with the comment on the consultation page.",
            cancellationToken);
        if (saved && firstAnswer)
        {
            await commenters.AnsweredAsync(comment, cancellationToken);
        }

        return Redirect($"/poc/plans/{planId}/consultation#comment-{commentId}");
    }

    private async Task<IActionResult> ModerateAsync(int planId, int commentId, Guid version, Action<ConsultationComment> change, string success, CancellationToken cancellationToken)
    {
        var comment = await LoadCommentAsync(planId, commentId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(comment.Consultation.ActionPlan.MemberId))
        {
            return Forbid();
        }

        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(comment, version);
                change(comment);
            },
            success,
            cancellationToken);
        return Redirect($"/poc/plans/{planId}/consultation#comment-{commentId}");
    }

    private Task<ConsultationComment?> LoadCommentAsync(int planId, int commentId, CancellationToken cancellationToken) =>
        db.ConsultationComments
            .Include(c => c.Consultation).ThenInclude(c => c.ActionPlan).ThenInclude(p => p.Member)
            .SingleOrDefaultAsync(c => c.Id == commentId && c.Consultation.ActionPlanId == planId, cancellationToken);

    private async Task<IActionResult> RedisplayAsync(int planId, ConsultationForm? form, CancellationToken cancellationToken, (int CommentId, ResponseForm Form)? answer = null)
    {
        var model = await query.GetAsync(planId, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return View(nameof(Manage), model with
        {
            Form = form ?? model.Form,
            Answering = answer,
        });
    }
}
