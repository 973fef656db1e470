using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.Progress;

/// <summary>During implementation a point of contact reports milestone status, evidence and dated progress notes.</summary>
[Route("poc/commitments/{id:int}/progress")]
public sealed class ProgressController(PortalDbContext db, TimeProvider clock) : PocController
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var commitment = await LoadAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(commitment.ActionPlan.MemberId))
        {
            return Forbid();
        }

        if (commitment.ActionPlan.Status != ActionPlanStatus.Published)
        {
            this.Error("Progress is reported on published plans that are being implemented.");
            return Redirect($"/poc/plans/{commitment.ActionPlanId}");
        }

        var form = new ProgressForm
        {
            Milestones = [.. commitment.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneProgressInput { Id = m.Id, Status = m.Status, EvidenceUrl = m.EvidenceUrl })],
            NoteDate = Today(),
            Version = commitment.Version,
        };
        return View(Describe(form, commitment));
    }

    [HttpPost("")]
    [RefuseOversizedPost(ProgressForm.MaxRequestBytes, ProgressForm.TooMuchAtOnce)]
    [RequestSizeLimit(ProgressForm.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ProgressForm.MaxRequestBytes)]
    public async Task<IActionResult> Edit(int id, ProgressForm form, [FromServices] IValidator<ProgressForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var commitment = await LoadAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(commitment.ActionPlan.MemberId))
        {
            return Forbid();
        }

        Describe(form, commitment);
        foreach (var input in form.Milestones.Where(i => i.NewFile is { Length: > 0 and <= EvidenceFile.MaxBytes }))
        {
            var bytes = new byte[input.NewFile!.Length];
            await using var file = input.NewFile.OpenReadStream();
            await file.ReadExactlyAsync(bytes, cancellationToken);
            input.NewFileBytes = bytes;
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var saved = await this.TrySaveFormAsync(
            db,
            () =>
            {
                db.ExpectVersion(commitment, form.Version);
                foreach (var input in form.Milestones)
                {
                    var milestone = commitment.Milestones.SingleOrDefault(m => m.Id == input.Id)
                        ?? throw new DomainRuleException("That milestone is not part of this commitment.");
                    commitment.RecordMilestoneProgress(milestone, input.Status!.Value, input.EvidenceUrl, PortalRole.PointOfContact);
                    foreach (var fileId in input.RemoveFileIds)
                    {
                        commitment.RemoveEvidenceFile(milestone, fileId, PortalRole.PointOfContact);
                    }

                    if (input.NewFile is not null)
                    {
                        commitment.AddEvidenceFile(milestone, input.NewFile.FileName, input.NewFileBytes ?? [], PortalRole.PointOfContact);
                    }
                }

                if (form.HasNote)
                {
                    commitment.AddProgressNote(form.NoteDate!.Value, form.NoteText!, form.NoteCompletion!.Value, PortalRole.PointOfContact);
                }
            },
            "Someone else reported progress on this commitment after you opened the page, so your report was not saved. Reload the page to see theirs.",
            cancellationToken);
        if (!saved)
        {
            return View(form);
        }

        this.Success("Progress on {0} was saved.", commitment.Identifier);
        return Redirect($"/poc/plans/{commitment.ActionPlanId}");
    }

    private Task<Commitment?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Commitments
            .Include(c => c.ActionPlan)
            .Include(c => c.Milestones).ThenInclude(m => m.EvidenceFiles)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private ProgressForm Describe(ProgressForm form, Commitment commitment)
    {
        form.PlanId = commitment.ActionPlanId;
        form.Identifier = commitment.Identifier;
        form.Title = commitment.Title;
        form.Today = Today();
        form.PlanStart = commitment.ActionPlan.PeriodStart;
        foreach (var input in form.Milestones)
        {
            var milestone = commitment.Milestones.SingleOrDefault(m => m.Id == input.Id);
            input.Title = milestone?.Title ?? string.Empty;
            input.DueDate = milestone?.DueDate ?? default;
            input.Files = [.. (milestone?.EvidenceFiles ?? []).OrderBy(f => f.Id).Select(f => new EvidenceFileRow(f.Id, f.FileName, f.Length))];
        }

        return form;
    }
}
