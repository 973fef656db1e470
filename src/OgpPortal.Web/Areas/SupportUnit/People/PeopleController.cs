using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.People;

/// <summary>People and accounts: invite, change roles, deactivate, link points of contact, assign researchers.</summary>
[Route("support-unit/people")]
public sealed class PeopleController(PeopleQuery query, AccountAdministration accounts, UserManager<ApplicationUser> users) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, PortalRole? role, int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(new PeopleFilter(q, role), Paging.Clamp(page), cancellationToken));

    [HttpGet("invite")]
    public async Task<IActionResult> Invite(string? member, CancellationToken cancellationToken) =>
        await InviteView(new InviteForm { MemberCode = member, Role = member is null ? null : PortalRole.PointOfContact }, cancellationToken);

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteForm form, [FromServices] IValidator<InviteForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return await InviteView(form, cancellationToken);
        }

        var (result, userId) = await accounts.InviteAsync(form, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field ?? string.Empty, result.Message);
            return await InviteView(form, cancellationToken);
        }

        this.Success(result.Message);
        return Redirect($"/support-unit/people/{userId}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var person = await query.PersonAsync(id, cancellationToken);
        return person is null ? NotFound() : View(person);
    }

    [HttpPost("{id}/role")]
    public Task<IActionResult> ChangeRole(string id, [Bind(Prefix = nameof(PersonViewModel.RoleForm))] RoleForm form, [FromServices] IValidator<RoleForm> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, form, validator, nameof(PersonViewModel.RoleForm), user => accounts.ChangeRoleAsync(user, form.Role!.Value, User.RequireUserId(), cancellationToken), (person, f) => person with { RoleForm = f }, cancellationToken);

    [HttpPost("{id}/members")]
    public Task<IActionResult> LinkMember(string id, [Bind(Prefix = nameof(PersonViewModel.LinkForm))] LinkMemberForm form, [FromServices] IValidator<LinkMemberForm> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, form, validator, nameof(PersonViewModel.LinkForm), user => accounts.LinkMemberAsync(user, form, cancellationToken), (person, f) => person with { LinkForm = f }, cancellationToken);

    [HttpPost("{id}/plans")]
    public Task<IActionResult> AssignPlan(string id, [Bind(Prefix = nameof(PersonViewModel.AssignForm))] AssignPlanForm form, [FromServices] IValidator<AssignPlanForm> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, form, validator, nameof(PersonViewModel.AssignForm), user => accounts.AssignPlanAsync(user, form, cancellationToken), (person, f) => person with { AssignForm = f }, cancellationToken);

    [HttpPost("{id}/members/{memberId:int}/remove")]
    public Task<IActionResult> UnlinkMember(string id, int memberId, CancellationToken cancellationToken) =>
        ActAsync(id, user => accounts.UnlinkMemberAsync(user, memberId, cancellationToken));

    [HttpPost("{id}/plans/{planId:int}/remove")]
    public Task<IActionResult> UnassignPlan(string id, int planId, CancellationToken cancellationToken) =>
        ActAsync(id, user => accounts.UnassignPlanAsync(user, planId, cancellationToken));

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id) => ActAsync(id, user => accounts.DeactivateAsync(user, User.RequireUserId()));

    [HttpPost("{id}/two-factor/reset")]
    public Task<IActionResult> ResetTwoFactor(string id) => ActAsync(id, user => accounts.ResetTwoFactorAsync(user, User.RequireUserId()));

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id) => ActAsync(id, accounts.ReactivateAsync);

    [HttpPost("{id}/invitation")]
    public Task<IActionResult> ResendInvitation(string id, CancellationToken cancellationToken) =>
        ActAsync(id, user => accounts.ResendInvitationAsync(user, cancellationToken));

    /// <summary>A button's action: done or refused, reported on the person's page.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<ApplicationUser, Task<AccountResult>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = await change(user);
        if (result.Succeeded)
        {
            this.Success(result.Message);
        }
        else
        {
            this.Error(result.Message);
        }

        return Redirect($"/support-unit/people/{id}");
    }

    /// <summary>A form's action: validated, then done; or the person's page again with the form's messages.</summary>
    private async Task<IActionResult> ChangeAsync<TForm>(
        string id,
        TForm form,
        IValidator<TForm> validator,
        string prefix,
        Func<ApplicationUser, Task<AccountResult>> change,
        Func<PersonViewModel, TForm, PersonViewModel> withForm,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, prefix, cancellationToken))
        {
            var result = await change(user);
            if (result.Succeeded)
            {
                this.Success(result.Message);
                return Redirect($"/support-unit/people/{id}");
            }

            ModelState.AddModelError(result.Field is null ? string.Empty : $"{prefix}.{result.Field}", result.Message);
        }

        var person = (await query.PersonAsync(id, cancellationToken))!;
        return View(nameof(Show), withForm(person, form));
    }

    private async Task<IActionResult> InviteView(InviteForm form, CancellationToken cancellationToken)
    {
        ViewData[nameof(PeopleQuery.MemberOptionsAsync)] = await query.MemberOptionsAsync(cancellationToken);
        return View("Invite", form);
    }
}
