using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.SupportUnit.People;

/// <summary>The outcome of an account change: done, or the message saying why not.</summary>
public sealed record AccountResult(bool Succeeded, string Message, string? Field = null)
{
    public static AccountResult Done(string message) => new(true, message);

    public static AccountResult Refused(string message, string? field = null) => new(false, message, field);
}

/// <summary>
/// The Support Unit's changes to accounts: invitations, roles, deactivation, member links and researcher
/// assignments. Each change is saved with its audit entry, all or nothing; roles and links count from the
/// person's next request.
/// </summary>
public sealed class AccountAdministration(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    IEmailSender email,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    SecurityLog security) : IFeatureService
{
    public const string InvitationPath = "/account/invitation";

    public async Task<(AccountResult Result, string? UserId)> InviteAsync(InviteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var address = form.Email.Trim();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return (AccountResult.Refused($"{address} already has an account.", nameof(InviteForm.Email)), null);
        }

        var member = form.Role == PortalRole.PointOfContact
            ? await db.Members.SingleOrDefaultAsync(m => m.Code == form.MemberCode, cancellationToken)
            : null;
        if (form.Role == PortalRole.PointOfContact && member is null)
        {
            return (AccountResult.Refused("Choose one of the members listed.", nameof(InviteForm.MemberCode)), null);
        }

        var user = new ApplicationUser
        {
            UserName = address,
            Email = address,
            DisplayName = form.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var role = form.Role!.Value.ToString();
        var failure = await InTransactionAsync(
            async () =>
            {
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    return created;
                }

                Trace(address, null, "Account", AuditAction.Created, ("Role", null, role), ("Name", null, user.DisplayName));
                if (member is not null)
                {
                    db.MemberPointsOfContact.Add(new MemberPointOfContact { MemberId = member.Id, UserId = user.Id, Institution = form.Institution.NullIfBlank(), Phone = form.Phone.NullIfBlank() });
                    Trace(address, member.Code, "PointOfContact", AuditAction.Created, ("Member", null, member.Code));
                }

                return await users.AddToRoleAsync(user, role);
            },
            cancellationToken);
        if (failure is not null)
        {
            return (AccountResult.Refused(failure, nameof(InviteForm.Email)), null);
        }

        await SendInvitationAsync(user, cancellationToken);
        security.AccountChanged(user.Id, $"account created and invited as {role}");
        return (AccountResult.Done(
            $"{user.DisplayName} was invited as {EnumDisplay.Name(form.Role.Value).ToLowerInvariant()}; the invitation was sent to {address}."), user.Id);
    }

    /// <summary>Sends a fresh invitation to someone who has not chosen a password yet.</summary>
    public async Task<AccountResult> ResendInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.PasswordHash is not null)
        {
            return AccountResult.Refused($"{user.DisplayName} has already accepted the invitation.");
        }

        if (user.DeactivatedAt is not null)
        {
            return AccountResult.Refused($"{user.DisplayName}'s account is deactivated; reactivate it before inviting them again.");
        }

        await SendInvitationAsync(user, cancellationToken);
        return AccountResult.Done($"A new invitation was sent to {user.Email}.");
    }

    public async Task<AccountResult> ChangeRoleAsync(ApplicationUser user, PortalRole role, string actingUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var current = (await users.GetRolesAsync(user)).ToList();
        var wanted = role.ToString();
        if (current.SequenceEqual([wanted]))
        {
            return AccountResult.Refused($"{user.DisplayName} is already {EnumDisplay.Name(role).ToLowerInvariant()}.");
        }

        if (user.Id == actingUserId)
        {
            return AccountResult.Refused("You cannot change your own role; ask a colleague in the Support Unit.");
        }

        var failure = await InTransactionAsync(
            async () =>
            {
                var removed = await users.RemoveFromRolesAsync(user, current);
                if (!removed.Succeeded)
                {
                    return removed;
                }

                Trace(user.Email!, null, "Role", AuditAction.Changed, ("Role", string.Join(", ", current), wanted));
                return await users.AddToRoleAsync(user, wanted);
            },
            cancellationToken);
        if (failure is not null)
        {
            return AccountResult.Refused(failure);
        }

        security.AccountChanged(user.Id, $"role changed from {string.Join(", ", current)} to {wanted}");
        return AccountResult.Done($"{user.DisplayName} is now {EnumDisplay.Name(role).ToLowerInvariant()}, from their next page.");
    }

    /// <summary>Deactivates an account: its sessions end at their next request and it can no longer sign in.</summary>
    public async Task<AccountResult> DeactivateAsync(ApplicationUser user, string actingUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == actingUserId)
        {
            return AccountResult.Refused("You cannot deactivate your own account.");
        }

        if (user.DeactivatedAt is not null)
        {
            return AccountResult.Refused($"{user.DisplayName}'s account is already deactivated.");
        }

        user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        Trace(user.Email!, null, "Account", AuditAction.Changed, ("Active", "Yes", "No"));

        // A new security stamp ends every session the person has open.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return AccountResult.Refused(Describe(result));
        }

        security.AccountChanged(user.Id, "account deactivated");
        return AccountResult.Done($"{user.DisplayName}'s account was deactivated; they are signed out everywhere.");
    }

    /// <summary>
    /// For a colleague who lost their phone and recovery codes: turns two-factor sign-in off and discards
    /// the old key, which ends their sessions; a staff account must set a new app up at its next sign-in.
    /// </summary>
    public async Task<AccountResult> ResetTwoFactorAsync(ApplicationUser user, string actingUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == actingUserId)
        {
            return AccountResult.Refused("Ask a colleague to reset your own two-factor sign-in.");
        }

        if (!user.TwoFactorEnabled)
        {
            return AccountResult.Refused($"{user.DisplayName} has not set up two-factor sign-in.");
        }

        Trace(user.Email!, null, "Account", AuditAction.Changed, ("Two-factor sign-in", "On", "Reset"));
        user.TwoFactorEnabled = false;
        var result = await users.ResetAuthenticatorKeyAsync(user);
        if (!result.Succeeded)
        {
            return AccountResult.Refused(Describe(result));
        }

        security.AccountChanged(user.Id, "two-factor sign-in reset");
        return AccountResult.Done($"{user.DisplayName}'s two-factor sign-in was reset; they set up their app again at their next sign-in.");
    }

    public async Task<AccountResult> ReactivateAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.DeactivatedAt is null)
        {
            return AccountResult.Refused($"{user.DisplayName}'s account is active.");
        }

        user.DeactivatedAt = null;
        Trace(user.Email!, null, "Account", AuditAction.Changed, ("Active", "No", "Yes"));
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return AccountResult.Refused(Describe(result));
        }

        security.AccountChanged(user.Id, "account reactivated");
        return AccountResult.Done($"{user.DisplayName}'s account is active again.");
    }

    public async Task<AccountResult> LinkMemberAsync(ApplicationUser user, LinkMemberForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!await users.IsInRoleAsync(user, PortalRoles.PointOfContact))
        {
            return AccountResult.Refused($"Only points of contact are linked to members; {user.DisplayName} is not one.");
        }

        var member = await db.Members.SingleOrDefaultAsync(m => m.Code == form.MemberCode, cancellationToken);
        if (member is null)
        {
            return AccountResult.Refused("Choose one of the members listed.", nameof(LinkMemberForm.MemberCode));
        }

        if (await db.MemberPointsOfContact.AnyAsync(l => l.UserId == user.Id && l.MemberId == member.Id, cancellationToken))
        {
            return AccountResult.Refused($"{user.DisplayName} is already a point of contact for {member.Name}.", nameof(LinkMemberForm.MemberCode));
        }

        db.MemberPointsOfContact.Add(new MemberPointOfContact { MemberId = member.Id, UserId = user.Id, Institution = form.Institution.NullIfBlank(), Phone = form.Phone.NullIfBlank() });
        Trace(user.Email!, member.Code, "PointOfContact", AuditAction.Created, ("Member", null, member.Code), ("Institution", null, form.Institution.NullIfBlank()));
        return await SaveAsync($"{user.DisplayName} now acts for {member.Name}.", $"{user.DisplayName} is already a point of contact for {member.Name}.", nameof(LinkMemberForm.MemberCode), cancellationToken);
    }

    public async Task<AccountResult> UnlinkMemberAsync(ApplicationUser user, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = await db.MemberPointsOfContact.Include(l => l.Member).SingleOrDefaultAsync(l => l.UserId == user.Id && l.MemberId == memberId, cancellationToken);
        if (link is null)
        {
            return AccountResult.Refused("That link no longer exists.");
        }

        db.MemberPointsOfContact.Remove(link);
        Trace(user.Email!, link.Member.Code, "PointOfContact", AuditAction.Deleted, ("Member", link.Member.Code, null));
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done($"{user.DisplayName} no longer acts for {link.Member.Name}.");
    }

    public async Task<AccountResult> AssignPlanAsync(ApplicationUser user, AssignPlanForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!await users.IsInRoleAsync(user, PortalRoles.IrmResearcher))
        {
            return AccountResult.Refused($"Only IRM researchers are assigned to action plans; {user.DisplayName} is not one.");
        }

        var plan = await db.ActionPlans.Include(p => p.Member)
            .SingleOrDefaultAsync(p => p.Member.Code == form.MemberCode && p.Number == form.PlanNumber, cancellationToken);
        if (plan is null)
        {
            return AccountResult.Refused($"{form.MemberCode} has no action plan {form.PlanNumber}.", nameof(AssignPlanForm.PlanNumber));
        }

        if (await db.ResearcherAssignments.AnyAsync(a => a.UserId == user.Id && a.ActionPlanId == plan.Id, cancellationToken))
        {
            return AccountResult.Refused($"{user.DisplayName} is already assigned to this plan.", nameof(AssignPlanForm.PlanNumber));
        }

        var key = AuditInterceptor.PlanKey(plan.Member.Code, plan.Number, plan.MemberId);
        db.ResearcherAssignments.Add(new ResearcherAssignment { ActionPlanId = plan.Id, UserId = user.Id, AssignedAt = clock.GetUtcNow().UtcDateTime });
        Trace(user.Email!, plan.Member.Code, "ResearcherAssignment", AuditAction.Created, ("ActionPlan", null, key));
        return await SaveAsync($"{user.DisplayName} is assigned to {plan.Member.Name}'s action plan {plan.Number}.", $"{user.DisplayName} is already assigned to this plan.", nameof(AssignPlanForm.PlanNumber), cancellationToken);
    }

    public async Task<AccountResult> UnassignPlanAsync(ApplicationUser user, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var assignment = await db.ResearcherAssignments.Include(a => a.ActionPlan).ThenInclude(p => p.Member)
            .SingleOrDefaultAsync(a => a.UserId == user.Id && a.ActionPlanId == planId, cancellationToken);
        if (assignment is null)
        {
            return AccountResult.Refused("That assignment no longer exists.");
        }

        var plan = assignment.ActionPlan;
        db.ResearcherAssignments.Remove(assignment);
        Trace(user.Email!, plan.Member.Code, "ResearcherAssignment", AuditAction.Deleted, ("ActionPlan", AuditInterceptor.PlanKey(plan.Member.Code, plan.Number, plan.MemberId), null));
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done($"{user.DisplayName} is no longer assigned to {plan.Member.Name}'s action plan {plan.Number}.");
    }

    /// <summary>Saves a new link; the same link saved a moment earlier (a double click) is refused, not a 500.</summary>
    private async Task<AccountResult> SaveAsync(string done, string duplicate, string field, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AccountResult.Done(done);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AccountResult.Refused(duplicate, field);
        }
    }

    /// <summary>Queues the invitation in the outbox: a mail server that is down delays it, never loses it.</summary>
    private async Task SendInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = portal.Value.Link($"{InvitationPath}?user={Uri.EscapeDataString(user.Id)}&code={code}");
        await email.SendAsync(
            new EmailMessage(
                user.Email!,
                "Your invitation to the OGP Portal",
                $"Hello {user.DisplayName},\n\nThe OGP Support Unit has invited you to the OGP Portal. "
                + $"To choose your password and sign in, open this link within seven days:\n\n{link}\n\n"
                + "The link works once. If you did not expect this invitation, ignore this message.\n"),
            cancellationToken);
    }

    /// <summary>Runs several Identity saves as one: the first failure rolls every one of them back.</summary>
    private async Task<string?> InTransactionAsync(Func<Task<IdentityResult>> work, CancellationToken cancellationToken)
    {
        string? failure = null;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                failure = Describe(result);
                db.ChangeTracker.Clear();
            }
        });
        return failure;
    }

    private void Trace(string account, string? memberCode, string entityType, AuditAction action, params (string Property, string? From, string? To)[] changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            SubjectType = AuditSubjects.Account,
            SubjectKey = account,
            MemberCode = memberCode,
            EntityType = entityType,
            Action = action,
            Changes = JsonSerializer.Serialize(changes.Select(c => new AuditChange(c.Property, c.From, c.To))),
        });

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

}
