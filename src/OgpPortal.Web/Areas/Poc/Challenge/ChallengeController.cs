using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Poc.Challenge;

/// <summary>
/// Open Gov Challenge entries: points of contact for their members, the Support Unit for anyone, draft,
/// edit and submit them (the same editor, like the plan editors).
/// </summary>
[Route("poc")]
public sealed class ChallengeController(PortalDbContext db, TimeProvider clock) : PlanEditorController
{
    [HttpGet("members/{memberId:int}/challenge/new")]
    public async Task<IActionResult> New(int memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(memberId)
            ? View("Edit", new ChallengeEntryForm { MemberId = memberId, MemberName = member }.WithBlankRows())
            : Forbid();
    }

    [HttpPost("members/{memberId:int}/challenge/new")]
    public async Task<IActionResult> New(int memberId, ChallengeEntryForm form, [FromServices] IValidator<ChallengeEntryForm> validator, CancellationToken cancellationToken)
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

        form.MemberId = memberId;
        form.MemberName = member.Name;
        var commitment = await ValidateAsync(form, validator, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", form.WithBlankRows());
        }

        ChallengeEntry? entry = null;
        if (!await this.TrySaveFormAsync(db, () => db.ChallengeEntries.Add(entry = ChallengeEntry.Draft(member, form.ToText(commitment), form.MilestoneValues())), WorkflowChanges.ConflictMessage, cancellationToken))
        {
            return View("Edit", form.WithBlankRows());
        }

        this.Success("The Challenge entry was saved as a draft. Submit it when it is ready.");
        return Redirect($"/poc/challenge/{entry!.Id}");
    }

    [HttpGet("challenge/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var entry = await db.ChallengeEntries.AsNoTracking().Include(e => e.Member).Include(e => e.Commitment).Include(e => e.Milestones).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        return await MayActForMemberAsync(entry.MemberId) ? View(entry) : Forbid();
    }

    [HttpGet("challenge/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var entry = await LoadAsync(id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(entry.MemberId))
        {
            return Forbid();
        }

        if (!entry.IsEditable)
        {
            this.Error("An entry can be changed while it is a draft or returned; this one is {0}.", EnumDisplay.Name(entry.Status));
            return Redirect($"/poc/challenge/{id}");
        }

        return View(ChallengeEntryForm.From(entry));
    }

    [HttpPost("challenge/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ChallengeEntryForm form, [FromServices] IValidator<ChallengeEntryForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var entry = await LoadAsync(id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(entry.MemberId))
        {
            return Forbid();
        }

        form.EntryId = id;
        form.MemberId = entry.MemberId;
        form.MemberName = entry.Member.Name;
        var commitment = await ValidateAsync(form, validator, cancellationToken);
        if (!ModelState.IsValid
            || !await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(entry, form.Version);
                    entry.Update(form.ToText(commitment), form.MilestoneValues());
                },
                "Someone else changed this entry after you opened it, so your changes were not saved. Copy what you need, then reload the page to see their version.",
                cancellationToken))
        {
            return View(form.WithBlankRows());
        }

        this.Success("The Challenge entry was saved.");
        return Redirect($"/poc/challenge/{id}");
    }

    [HttpPost("challenge/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, Guid version, CancellationToken cancellationToken)
    {
        var entry = await LoadAsync(id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        if (!await MayActForMemberAsync(entry.MemberId))
        {
            return Forbid();
        }

        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(entry, version);
                entry.Submit(User.ActingRole(), clock.GetUtcNow().UtcDateTime);
            },
            "The entry was submitted to the Support Unit for review.",
            cancellationToken);
        return Redirect($"/poc/challenge/{id}");
    }

    /// <summary>Validates the form and finds the linked commitment, so a wrong identifier gets a message at its field.</summary>
    private async Task<Commitment?> ValidateAsync(ChallengeEntryForm form, IValidator<ChallengeEntryForm> validator, CancellationToken cancellationToken)
    {
        await validator.ValidateIntoAsync(form, ModelState, cancellationToken);
        if (form.Participation != Participation.ActionPlanCommitment || string.IsNullOrWhiteSpace(form.CommitmentIdentifier))
        {
            return null;
        }

        // Looked up among the member's own commitments only, so the answer reveals nothing of other members' plans.
        var identifier = form.CommitmentIdentifier.Trim().ToUpperInvariant();
        var commitment = await db.Commitments.Include(c => c.ActionPlan)
            .SingleOrDefaultAsync(c => c.Identifier == identifier && c.ActionPlan.MemberId == form.MemberId, cancellationToken);
        if (commitment is null)
        {
            ModelState.AddModelError(nameof(ChallengeEntryForm.CommitmentIdentifier), $"{form.MemberName} has no commitment {identifier}; link one of its own.");
        }

        return commitment;
    }

    private Task<ChallengeEntry?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.ChallengeEntries.Include(e => e.Member).Include(e => e.Commitment).Include(e => e.Milestones).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
}
