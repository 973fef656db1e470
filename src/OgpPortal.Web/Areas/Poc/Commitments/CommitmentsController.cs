using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.Commitments;

/// <summary>A point of contact writes commitments on OGP's template: add, edit, remove and reorder them.</summary>
[Route("poc")]
public sealed class CommitmentsController(PortalDbContext db, TimeProvider clock) : PlanEditorController
{
    [HttpGet("plans/{planId:int}/commitments/new")]
    public async Task<IActionResult> New(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.LoadPlanAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        if (!plan.IsTextEditable)
        {
            this.Error("Commitments can be added while the plan is in Draft or In consultation; this plan is {0}.", plan.Status.Label());
            return Redirect($"/poc/plans/{planId}");
        }

        return View("Edit", Describe(new CommitmentForm { StartDate = plan.PeriodStart, EndDate = plan.PeriodEnd }, plan, null).WithBlankRows());
    }

    [HttpPost("plans/{planId:int}/commitments/new")]
    public async Task<IActionResult> New(int planId, CommitmentForm form, [FromServices] IValidator<CommitmentForm> validator, CancellationToken cancellationToken)
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

        Describe(form, plan, null);
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View("Edit", form.WithBlankRows());
        }

        var identifier = await NextIdentifierAsync(plan, cancellationToken);
        var areas = await db.PolicyAreas.Where(a => form.PolicyAreaIds.Contains(a.Id)).ToListAsync(cancellationToken);
        bool saved;
        try
        {
            saved = await this.TrySaveFormAsync(
                db,
                () =>
                {
                    var commitment = plan.AddCommitment(identifier, form.ToText());
                    commitment.SetPolicyAreas(areas);
                    foreach (var milestone in form.FilledMilestones)
                    {
                        commitment.AddMilestone(milestone.Title!, milestone.DueDate!.Value, milestone.Weight ?? 1);
                    }
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another commitment took the same identifier a moment ago (unique index); nothing was saved.
            ModelState.AddModelError(string.Empty, "Another commitment was added to this member at the same moment. Nothing was saved: please submit again.");
            saved = false;
        }

        if (!saved)
        {
            return View("Edit", form.WithBlankRows());
        }

        this.Success("Commitment {0} was added.", identifier);
        return Redirect($"/poc/plans/{planId}");
    }

    [HttpGet("commitments/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (plan, commitment) = await LoadAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan!.MemberId))
        {
            return Forbid();
        }

        var form = new CommitmentForm
        {
            Title = commitment.Title,
            ShortTitle = commitment.ShortTitle,
            Theme = commitment.Theme,
            Problem = commitment.Problem,
            Description = commitment.Description,
            Solution = commitment.Solution,
            LeadInstitution = commitment.LeadInstitution,
            SupportingInstitutions = commitment.SupportingInstitutions,
            StartDate = commitment.StartDate,
            EndDate = commitment.EndDate,
            ChallengeArea = commitment.ChallengeArea,
            PolicyAreaIds = [.. commitment.PolicyAreas.Select(a => a.Id)],
            Milestones = [.. commitment.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneInput { Id = m.Id, Title = m.Title, DueDate = m.DueDate, Weight = m.Weight })],
            Version = commitment.Version,
        }.Tick(commitment.Values);
        if (!commitment.IsTextEditable)
        {
            this.Error("The text of {0} cannot be changed now: the plan is {1} and the commitment is {2}.", commitment.Identifier, plan!.Status.Label(), EnumDisplay.Name(commitment.ReviewStatus));
            return Redirect($"/poc/plans/{plan.Id}");
        }

        return View(Describe(form, plan!, commitment).WithBlankRows());
    }

    [HttpPost("commitments/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CommitmentForm form, [FromServices] IValidator<CommitmentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (plan, commitment) = await LoadAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan!.MemberId))
        {
            return Forbid();
        }

        Describe(form, plan!, commitment);
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form.WithBlankRows());
        }

        var areas = await db.PolicyAreas.Where(a => form.PolicyAreaIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var consultation = await db.LoadConsultationAsync(plan.Id, withComments: false, cancellationToken);
        var saved = await this.TrySaveFormAsync(
            db,
            () =>
            {
                db.ExpectVersion(commitment, form.Version);
                commitment.UpdateText(form.ToText());
                commitment.SetPolicyAreas(areas);
                SyncMilestones(commitment, form);
                consultation?.CommitmentChanged(commitment, Today);
            },
            "Someone else changed this commitment after you opened it, so your changes were not saved. Copy what you need, then reload the page to see their version.",
            cancellationToken);
        if (!saved)
        {
            return View(form.WithBlankRows());
        }

        this.Success("Commitment {0} was saved.", commitment.Identifier);
        return Redirect($"/poc/plans/{plan!.Id}");
    }

    [HttpPost("commitments/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, Guid version, CancellationToken cancellationToken)
    {
        // The IRM's assessment of a commitment is part of the record; the commitment stays with it.
        var assessed = await db.CommitmentAssessments.AnyAsync(a => a.CommitmentId == id, cancellationToken);
        var inChallenge = await db.ChallengeEntries.AnyAsync(e => e.CommitmentId == id, cancellationToken);

        // Public input on a commitment, and responses naming it, are part of the public record too. A
        // commitment merely put to consultation leaves it while it is open; the record of a closed one keeps
        // its text. Its links are loaded so they go with it (the database does not cascade there, see
        // ConsultationConfiguration).
        var publicInput = await db.ConsultationComments.AnyAsync(c => c.CommitmentId == id || c.LedToCommitmentId == id, cancellationToken);
        var planId = await db.Commitments.Where(c => c.Id == id).Select(c => (int?)c.ActionPlanId).SingleOrDefaultAsync(cancellationToken);
        var consultation = planId is null ? null : await db.LoadConsultationAsync(planId.Value, withComments: false, cancellationToken);
        return await ChangePlanAsync(
            id,
            (plan, commitment) =>
            {
                // Never remove a commitment a colleague changed after this page was loaded.
                db.ExpectVersion(commitment, version);
                if (assessed)
                {
                    throw new DomainRuleException($"{commitment.Identifier} cannot be removed: the IRM has assessed it in a report. Revise it instead, or ask the Support Unit.");
                }

                if (inChallenge)
                {
                    throw new DomainRuleException($"{commitment.Identifier} cannot be removed: an Open Gov Challenge entry is linked to it. Change the entry first.");
                }

                if (publicInput)
                {
                    throw new DomainRuleException($"{commitment.Identifier} cannot be removed: the public commented on it in the consultation, or a reasoned response names it. Revise it instead.");
                }

                consultation?.CommitmentRemoved(commitment, Today);
                plan.RemoveCommitment(commitment);
            },
            c => $"Commitment {c.Identifier} was removed.",
            cancellationToken);
    }

    [HttpPost("commitments/{id:int}/move")]
    public Task<IActionResult> Move(int id, int offset, CancellationToken cancellationToken) =>
        ChangePlanAsync(id, (plan, commitment) => plan.MoveCommitment(commitment, offset), c => $"Commitment {c.Identifier} was moved.", cancellationToken);

    private async Task<IActionResult> ChangePlanAsync(int id, Action<ActionPlan, Commitment> change, Func<Commitment, string> message, CancellationToken cancellationToken)
    {
        var (plan, commitment) = await LoadAsync(id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan!.MemberId))
        {
            return Forbid();
        }

        await this.TrySaveChangeAsync(db, () => change(plan!, commitment), message(commitment), cancellationToken);
        return Redirect($"/poc/plans/{plan!.Id}");
    }

    /// <summary>Existing rows update their milestone, missing ones are removed, new rows are added.</summary>
    private static void SyncMilestones(Commitment commitment, CommitmentForm form)
    {
        var rows = form.FilledMilestones.ToList();
        foreach (var milestone in commitment.Milestones.ToList())
        {
            var row = rows.FirstOrDefault(r => r.Id == milestone.Id);
            if (row is null)
            {
                commitment.RemoveMilestone(milestone);
            }
            else
            {
                commitment.ChangeMilestone(milestone, row.Title!, row.DueDate!.Value, row.Weight ?? 1);
            }
        }

        foreach (var row in rows.Where(r => r.Id is null || commitment.Milestones.All(m => m.Id != r.Id)))
        {
            commitment.AddMilestone(row.Title!, row.DueDate!.Value, row.Weight ?? 1);
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The member's next free commitment number, across all its plans.</summary>
    private async Task<string> NextIdentifierAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        var identifiers = await db.Commitments.Where(c => c.ActionPlan.MemberId == plan.MemberId).Select(c => c.Identifier).ToListAsync(cancellationToken);
        var next = identifiers.Where(i => CommitmentIdentifier.BelongsTo(i, plan.Member.Code)).Select(CommitmentIdentifier.NumberOf).DefaultIfEmpty(0).Max() + 1;
        return CommitmentIdentifier.Create(plan.Member.Code, next);
    }

    private async Task<(ActionPlan? Plan, Commitment? Commitment)> LoadAsync(int commitmentId, CancellationToken cancellationToken)
    {
        var planId = await db.Commitments.Where(c => c.Id == commitmentId).Select(c => (int?)c.ActionPlanId).SingleOrDefaultAsync(cancellationToken);
        var plan = planId is null ? null : await db.LoadPlanAsync(planId.Value, cancellationToken);
        return (plan, plan?.Commitments.Single(c => c.Id == commitmentId));
    }

    private static CommitmentForm Describe(CommitmentForm form, ActionPlan plan, Commitment? commitment)
    {
        form.PlanId = plan.Id;
        form.PlanTitle = plan.Title;
        form.PlanStart = plan.PeriodStart;
        form.PlanEnd = plan.PeriodEnd;
        form.Identifier = commitment?.Identifier;
        form.CommitmentId = commitment?.Id;
        return form;
    }
}
