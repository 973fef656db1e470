using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Text;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.PlanDetails;

/// <summary>A point of contact starts a member's next action plan in Draft and edits its details.</summary>
[Route("poc")]
public sealed class PlanDetailsController(PortalDbContext db) : PlanEditorController
{
    [HttpGet("members/{memberId:int}/plans/new")]
    public async Task<IActionResult> New(int memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name, Next = m.ActionPlans.Max(p => (int?)p.Number) ?? 0 }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(memberId)
            ? View("Edit", new PlanForm { MemberId = member.Id, MemberName = member.Name, Number = member.Next + 1 })
            : Forbid();
    }

    [HttpPost("members/{memberId:int}/plans/new")]
    public async Task<IActionResult> New(int memberId, PlanForm form, [FromServices] IValidator<PlanForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(memberId))
        {
            return Forbid();
        }

        form.MemberId = member.Id;
        form.MemberName = member.Name;
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken) || !await NumberIsFreeAsync(form, cancellationToken))
        {
            return View("Edit", form);
        }

        var plan = ActionPlan.CreateDraft(member, form.Number!.Value, form.Title, form.PeriodStart!.Value, form.PeriodEnd!.Value, form.CoCreationSummary.NullIfBlank());
        plan.SetTextLanguage(form.TextLanguage);
        db.ActionPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A colleague took the same number a moment ago (unique index); nothing was saved.
            ModelState.AddModelError(nameof(PlanForm.Number), $"{member.Name} already has an action plan {form.Number}.");
            return View("Edit", form);
        }

        this.Success("Action plan {0} was started in Draft. Add its commitments.", plan.Number);
        return Redirect($"/poc/plans/{plan.Id}");
    }

    [HttpGet("plans/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Member).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(plan.MemberId)
            ? View(new PlanForm
            {
                PlanId = plan.Id,
                MemberId = plan.MemberId,
                MemberName = plan.Member.Name,
                Number = plan.Number,
                Title = plan.Title,
                PeriodStart = plan.PeriodStart,
                PeriodEnd = plan.PeriodEnd,
                CoCreationSummary = plan.CoCreationSummary,
                TextLanguage = plan.TextLanguage,
                Version = plan.Version,
            })
            : Forbid();
    }

    [HttpPost("plans/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, PlanForm form, [FromServices] IValidator<PlanForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.LoadPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(plan.MemberId))
        {
            return Forbid();
        }

        form.PlanId = plan.Id;
        form.MemberId = plan.MemberId;
        form.MemberName = plan.Member.Name;
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken) || !await NumberIsFreeAsync(form, cancellationToken))
        {
            return View(form);
        }

        var saved = await this.TrySaveFormAsync(
            db,
            () =>
            {
                db.ExpectVersion(plan, form.Version);
                plan.ChangeDetails(form.Number!.Value, form.Title, form.PeriodStart!.Value, form.PeriodEnd!.Value, form.CoCreationSummary.NullIfBlank());
                plan.SetTextLanguage(form.TextLanguage);
            },
            WorkflowChanges.ConflictMessage,
            cancellationToken);
        if (!saved)
        {
            return View(form);
        }

        this.Success("Action plan {0} was saved.", plan.Number);
        return Redirect($"/poc/plans/{plan.Id}");
    }

    private async Task<bool> NumberIsFreeAsync(PlanForm form, CancellationToken cancellationToken)
    {
        var taken = await db.ActionPlans.AnyAsync(p => p.MemberId == form.MemberId && p.Number == form.Number && p.Id != form.PlanId, cancellationToken);
        if (taken)
        {
            ModelState.AddModelError(nameof(PlanForm.Number), $"{form.MemberName} already has an action plan {form.Number}.");
        }

        return !taken;
    }
}
