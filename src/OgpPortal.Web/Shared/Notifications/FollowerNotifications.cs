using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Following;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Shared.Notifications;

/// <summary>
/// Mail to people who follow a member or a plan: the double opt-in confirmation, and news when a plan opens
/// for consultation, is published, or gets a published IRM report. Only confirmed followers get news; each
/// address gets one mail per event even if it follows both the member and the plan, and every mail carries
/// its one-click unsubscribe link (also as a List-Unsubscribe header). Queued in the outbox after the change
/// is saved; a mail server that is down delays the mail and undoes nothing.
/// </summary>
public sealed class FollowerNotifications(
    PortalDbContext db,
    IEmailSender email,
    IOptions<PortalOptions> portal) : IFeatureService
{
    public async Task ConfirmationAsync(Follower follower, string followed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follower);
        await SendAsync(
            follower,
            $"Confirm that you want to follow {followed}",
            $"Someone, we hope you, asked to receive e-mail from the Open Government Partnership portal about {followed}.\n\n"
            + $"Confirm with this link (valid for {Follower.ConfirmationWindow.Days} days): {portal.Value.Link($"/follow/confirm?token={follower.Token}")}\n\n"
            + "If it was not you, ignore this message: nothing more will be sent.\n",
            withUnsubscribe: false,
            cancellationToken);
    }

    public Task PlanInConsultationAsync(ActionPlan plan, DateOnly closesOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // Mail is in English whatever language the point of contact's page was in, dates included.
        var closing = closesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            $"{plan.Member.Name}: public consultation open until {closing}",
            $"{plan.Member.Name} has opened its draft action plan \"{plan.Title}\" for public consultation. Comments are taken until {closing}.\n\n"
            + $"Read it and comment: {portal.Value.Link($"/consultations/{plan.Id}")}\n",
            cancellationToken);
    }

    public Task PlanPublishedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            $"{plan.Member.Name}: action plan published",
            $"The Open Government Partnership published {plan.Member.Name}'s action plan \"{plan.Title}\" with {plan.Commitments.Count} commitments.\n\n"
            + $"Read it: {portal.Value.Link($"/action-plans/{plan.Id}")}\n",
            cancellationToken);
    }

    public Task ReportPublishedAsync(IrmReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        var type = EnumDisplay.Name(report.Type);
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            $"{plan.Member.Name}: IRM {type} published",
            $"The Independent Reporting Mechanism published its {type} of {plan.Member.Name}'s action plan \"{plan.Title}\".\n\n"
            + $"Read the findings: {portal.Value.Link($"/reports/{report.Id}")}\n",
            cancellationToken);
    }

    private async Task TellFollowersAsync(int memberId, int planId, string subject, string body, CancellationToken cancellationToken)
    {
        // The plan's own followers first, so an address following both gets the plan's unsubscribe link.
        var followers = await db.Followers.AsNoTracking()
            .Where(f => f.ConfirmedAt != null && (f.ActionPlanId == planId || f.MemberId == memberId))
            .OrderBy(f => f.ActionPlanId == null)
            .ToListAsync(cancellationToken);
        foreach (var follower in followers.DistinctBy(f => f.Email))
        {
            await SendAsync(follower, subject, body, withUnsubscribe: true, cancellationToken);
        }
    }

    private async Task SendAsync(Follower follower, string subject, string body, bool withUnsubscribe, CancellationToken cancellationToken)
    {
        var unsubscribe = new Uri(portal.Value.Link($"/follow/unsubscribe?token={follower.Token}"));
        var text = withUnsubscribe
            ? $"{body}\n--\nYou receive this because you follow it on the Open Government Partnership portal.\nUnsubscribe with one click: {unsubscribe}\n"
            : body;
        await email.SendAsync(new EmailMessage(follower.Email, subject, text, UnsubscribeUrl: withUnsubscribe ? unsubscribe : null), cancellationToken);
    }
}
