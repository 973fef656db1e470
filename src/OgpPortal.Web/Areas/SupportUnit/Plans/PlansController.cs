using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Text;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.Plans;

/// <summary>A plan's Support Unit record: the co-creation standards checklist and the forum's meetings.</summary>
[Route("support-unit/plans/{id:int}")]
public sealed class PlansController(PortalDbContext db, PlanRecordQuery query, TimeProvider clock) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var record = await query.GetAsync(id, cancellationToken);
        return record is null ? NotFound() : View(record);
    }

    [HttpPost("co-creation")]
    public async Task<IActionResult> CoCreation(int id, [Bind(Prefix = nameof(PlanRecordViewModel.CoCreation))] CoCreationForm form, [FromServices] IValidator<CoCreationForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(PlanRecordViewModel.CoCreation), cancellationToken)
            && await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(plan, form.Version);
                    plan.RecordCoCreation(form.ForumName, form.RepositoryUrl, form.ConsultationUrl, form.ReasonedResponseUrl);
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken,
                nameof(PlanRecordViewModel.CoCreation)))
        {
            this.Success("The co-creation record was saved.");
            return Redirect($"/support-unit/plans/{id}");
        }

        return await ShowAgainAsync(id, record => record with { CoCreation = form }, cancellationToken);
    }

    [HttpPost("meetings")]
    public async Task<IActionResult> AddMeeting(int id, [Bind(Prefix = nameof(PlanRecordViewModel.Meeting))] MeetingForm form, [FromServices] IValidator<MeetingForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (await validator.ValidateIntoAsync(form, ModelState, nameof(PlanRecordViewModel.Meeting), cancellationToken)
            && await this.TrySaveFormAsync(db, () => plan.AddForumMeeting(form.HeldOn!.Value, form.Note.NullIfBlank(), today), WorkflowChanges.ConflictMessage, cancellationToken, nameof(PlanRecordViewModel.Meeting)))
        {
            this.Success("The meeting of {0} was recorded.", form.HeldOn!.Value.ToDisplayDate());
            return Redirect($"/support-unit/plans/{id}");
        }

        return await ShowAgainAsync(id, record => record with { Meeting = form }, cancellationToken);
    }

    [HttpPost("meetings/{meetingId:int}/remove")]
    public async Task<IActionResult> RemoveMeeting(int id, int meetingId, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(db, () => plan.RemoveForumMeeting(meetingId), "The meeting was removed.", cancellationToken);
        return Redirect($"/support-unit/plans/{id}");
    }

    private async Task<IActionResult> ShowAgainAsync(int id, Func<PlanRecordViewModel, PlanRecordViewModel> withForm, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var record = (await query.GetAsync(id, cancellationToken))!;
        return View(nameof(Show), withForm(record));
    }
}
