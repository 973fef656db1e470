using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.Members;

/// <summary>The member registry: find, create and edit members, record their status, archive or delete them.</summary>
[Route("support-unit/members")]
public sealed class MembersController(PortalDbContext db, RegistryQuery query, TimeProvider clock) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, MemberKind? kind, Region? region, MemberStatus? status, Cohort? cohort, bool archived, int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(new RegistryFilter(q, kind, region, status, cohort, archived), Paging.Clamp(page), cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new MemberForm { JoinedYear = clock.GetUtcNow().Year });

    [HttpPost("new")]
    public async Task<IActionResult> New(MemberForm form, [FromServices] IValidator<MemberForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken) || !await CodeIsFreeAsync(form, cancellationToken))
        {
            return View("Edit", form);
        }

        var member = new Member();
        form.ApplyTo(member);
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A colleague registered the same code a moment ago (unique index); nothing was saved.
            ModelState.AddModelError(nameof(MemberForm.Code), CodeTaken(form.Code));
            return View("Edit", form);
        }

        this.Success("{0} was added to the registry.", member.Name);
        return Redirect($"/support-unit/members/{member.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var record = await query.RecordAsync(id, cancellationToken);
        return record is null ? NotFound() : View(record);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? NotFound() : View(MemberForm.From(member, await HasPlansAsync(id, cancellationToken)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, MemberForm form, [FromServices] IValidator<MemberForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        form.MemberId = id;
        form.CodeIsFixed = await HasPlansAsync(id, cancellationToken);
        if (form.CodeIsFixed && form.Code != member.Code)
        {
            ModelState.AddModelError(nameof(MemberForm.Code), $"The code stays {member.Code}: it is part of the identifiers of the member's commitments.");
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken) || !await CodeIsFreeAsync(form, cancellationToken))
        {
            return View(form);
        }

        var saved = await this.TrySaveFormAsync(
            db,
            () =>
            {
                db.ExpectVersion(member, form.Version);
                form.ApplyTo(member);
            },
            WorkflowChanges.ConflictMessage,
            cancellationToken);
        if (!saved)
        {
            return View(form);
        }

        this.Success("{0}'s record was saved.", member.Name);
        return Redirect($"/support-unit/members/{id}");
    }

    [HttpPost("{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, [Bind(Prefix = nameof(MemberRecordViewModel.StatusForm))] StatusForm form, [FromServices] IValidator<StatusForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await db.Members.Include(m => m.StatusHistory).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(MemberRecordViewModel.StatusForm), cancellationToken))
        {
            var saved = await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(member, form.Version);
                    member.ChangeStatus(form.Status!.Value, form.EffectiveOn!.Value, form.Reason);
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken);
            if (saved)
            {
                this.Success("{0} now has the status “{1}”.", member.Name, EnumDisplay.Name(member.Status));
                return Redirect($"/support-unit/members/{id}");
            }
        }

        // The record page, with the status form showing the user's input and the messages.
        db.ChangeTracker.Clear();
        var record = (await query.RecordAsync(id, cancellationToken))!;
        return View(nameof(Show), record with { StatusForm = form });
    }

    [HttpPost("{id:int}/archive")]
    public async Task<IActionResult> Archive(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(db, () => member.Archive(clock.GetUtcNow().UtcDateTime), "{0} was archived: its record and plans are kept.", [member.Name], cancellationToken);
        return Redirect($"/support-unit/members/{id}");
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(db, member.Restore, "{0} is back in the registry's working lists.", [member.Name], cancellationToken);
        return Redirect($"/support-unit/members/{id}");
    }

    /// <summary>Deletes a member registered by mistake. A member with plans, contributions or contacts is archived instead.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.Include(m => m.StatusHistory).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        var blocker = await query.DeletionBlockerAsync(id, cancellationToken);
        if (blocker is not null)
        {
            this.Error("{0} cannot be deleted: it has {1}, which would be lost with it. Archive the member instead.", member.Name, blocker);
            return Redirect($"/support-unit/members/{id}");
        }

        var name = member.Name;
        if (!await this.TrySaveChangeAsync(db, () => db.Members.Remove(member), "{0} was deleted from the registry.", [name], cancellationToken))
        {
            return Redirect($"/support-unit/members/{id}");
        }

        return Redirect("/support-unit/members");
    }

    private async Task<bool> HasPlansAsync(int memberId, CancellationToken cancellationToken) =>
        await db.ActionPlans.AnyAsync(p => p.MemberId == memberId, cancellationToken);

    private async Task<bool> CodeIsFreeAsync(MemberForm form, CancellationToken cancellationToken)
    {
        var code = form.Code.Trim();
        var taken = await db.Members.AnyAsync(m => m.Code == code && m.Id != form.MemberId, cancellationToken);
        if (taken)
        {
            ModelState.AddModelError(nameof(MemberForm.Code), CodeTaken(code));
        }

        return !taken;
    }

    private static string CodeTaken(string code) => $"The code {code} is already used by another member.";
}
