using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Following;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Public.Following;

public sealed record FollowPageViewModel(FollowForm Form, FollowTargets? Targets);

public sealed record FollowResultViewModel(string Heading, string Message);

/// <summary>
/// Follow a member or a plan by e-mail, double opt-in: the request sends a confirmation link, only a
/// confirmed address gets news, and the link in every mail unsubscribes in one click. The answer to a
/// request never says whether the address was already following.
/// </summary>
[Route("follow")]
public sealed class FollowingController(PortalDbContext db, FollowerNotifications notifications, TimeProvider clock) : PublicController
{
    /// <summary>
    /// Takes no antiforgery token: its form is on cached public pages, which cannot carry a token per visitor
    /// (ADR 0015). A forged post has nothing to borrow — following uses no account, only the address typed —
    /// and gets no more than anyone gets by posting it themselves: a confirmation mail to that address, limited
    /// per client address, that follows nothing until its link is opened.
    /// </summary>
    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    [ReadFormFirst]
    [EnableRateLimiting(RateLimits.PublicInput)]
    public async Task<IActionResult> Follow(FollowForm form, [FromServices] IValidator<FollowForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.Website))
        {
            return RedirectToAction(nameof(Requested));
        }

        var targets = await TargetsAsync(form.MemberId, form.PlanId, cancellationToken);
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken) || targets is null)
        {
            if (targets is null)
            {
                ModelState.AddModelError(string.Empty, "This member or plan cannot be followed.");
            }

            return View(new FollowPageViewModel(form, targets));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var email = Follower.Normalise(form.Email);
        await db.Followers.Where(f => f.ConfirmedAt == null && f.RequestedAt < now - Follower.ConfirmationWindow).ExecuteDeleteAsync(cancellationToken);
        var byPlan = form.Scope == FollowScope.Plan;
        var follower = await db.Followers.SingleOrDefaultAsync(
            f => f.Email == email && (byPlan ? f.ActionPlanId == form.PlanId : f.MemberId == form.MemberId),
            cancellationToken);
        if (follower is { IsConfirmed: true })
        {
            return RedirectToAction(nameof(Requested));
        }

        if (follower is null)
        {
            follower = byPlan ? Follower.ForPlan(email, form.PlanId!.Value, now, PortalCultures.Current) : Follower.ForMember(email, targets.MemberId, now, PortalCultures.Current);
            db.Followers.Add(follower);
        }
        else
        {
            follower.Renew(now, PortalCultures.Current);
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifications.ConfirmationAsync(follower, targets, byPlan, cancellationToken);
        return RedirectToAction(nameof(Requested));
    }

    [HttpGet("requested")]
    public IActionResult Requested() => View("Result", new FollowResultViewModel(
        "Check your inbox",
        "If the address is right, a message with a confirmation link is on its way. Nothing is sent until you confirm."));

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? token, CancellationToken cancellationToken)
    {
        var follower = await FindAsync(token, cancellationToken);
        if (follower is null)
        {
            return View("Result", new FollowResultViewModel("This link does not work", "The confirmation link is unknown or was already used to unsubscribe. Follow again to get a new one."));
        }

        try
        {
            follower.Confirm(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            return View("Result", new FollowResultViewModel("This link has expired", exception.Message));
        }

        return View("Result", new FollowResultViewModel("You are following", "Your address is confirmed. You will get an e-mail when there is news; every message has a link to unsubscribe."));
    }

    /// <summary>The link in every mail: one click unsubscribes.</summary>
    [HttpGet("unsubscribe")]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken cancellationToken)
    {
        await RemoveAsync(token, cancellationToken);
        return View("Result", new FollowResultViewModel("You are unsubscribed", "You will get no more e-mail about this. You can follow again at any time."));
    }

    /// <summary>RFC 8058 one-click unsubscribe, posted by mail programs: the token is the proof, there is no form to carry an antiforgery token.</summary>
    [HttpPost("unsubscribe")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeOneClick(string? token, CancellationToken cancellationToken)
    {
        await RemoveAsync(token, cancellationToken);
        return Content("Unsubscribed.");
    }

    private async Task RemoveAsync(string? token, CancellationToken cancellationToken)
    {
        var follower = await FindAsync(token, cancellationToken);
        if (follower is not null)
        {
            db.Followers.Remove(follower);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<Follower?> FindAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length != Follower.TokenLength
            ? Task.FromResult<Follower?>(null)
            : db.Followers.SingleOrDefaultAsync(f => f.Token == token, cancellationToken);

    /// <summary>A member the public can see, and optionally one of its plans that is public or in consultation.</summary>
    private async Task<FollowTargets?> TargetsAsync(int? memberId, int? planId, CancellationToken cancellationToken)
    {
        if (planId is { } id)
        {
            // Followable once the public can see it: published, or put to public consultation.
            var plans = db.ActionPlans.AsNoTracking().Where(p => p.Id == id && p.Member.ArchivedAt == null);
            var visible = await plans.WherePublic().AnyAsync(cancellationToken) || await db.Consultations.AnyAsync(c => c.ActionPlanId == id, cancellationToken);
            var plan = visible
                ? await plans.Select(p => new FollowTargets(p.MemberId, p.Member.Name, p.Id, p.Member.Name + ", action plan " + p.Number, p.Number)).SingleOrDefaultAsync(cancellationToken)
                : null;
            return plan is not null && (memberId is null || memberId == plan.MemberId) ? plan : null;
        }

        return memberId is null
            ? null
            : await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ArchivedAt == null)
                .Select(m => new FollowTargets(m.Id, m.Name, null, null))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
