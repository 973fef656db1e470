using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Following;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.Public.Following;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Localization;

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
    IStringLocalizer<SharedResource> localizer,
    IOptions<PortalOptions> portal) : IFeatureService
{
    /// <summary>The double opt-in: written in the language of the page the person asked from.</summary>
    public async Task ConfirmationAsync(Follower follower, FollowTargets targets, bool byPlan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follower);
        ArgumentNullException.ThrowIfNull(targets);
        var mail = PortalCultures.InLanguage(follower.Language, () =>
        {
            var L = localizer;
            var followed = byPlan && targets.PlanNumber is { } number
                ? L["{0}, action plan {1}", MemberNames.Of(targets.MemberName), number].Value
                : byPlan ? targets.PlanName ?? string.Empty : L["{0}'s action plans", MemberNames.Of(targets.MemberName)].Value;
            return new Mail(
                L["Confirm that you want to follow {0}", followed],
                Body(
                    L["Someone, we hope you, asked to receive e-mail from the Open Government Partnership portal about {0}.", followed],
                    L["Confirm with this link (valid for {0} days): {1}", Follower.ConfirmationWindow.Days, Link($"/follow/confirm?token={follower.Token}")],
                    L["If it was not you, ignore this message: nothing more will be sent."]));
        });
        await email.SendAsync(new EmailMessage(follower.Email, mail.Subject, mail.Body), cancellationToken);
    }

    public Task PlanInConsultationAsync(ActionPlan plan, DateOnly closesOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            L => new(
                L["{0}: public consultation open until {1}", MemberNames.Of(plan.Member.Name), closesOn.ToDisplayDate()],
                Body(
                    L["{0} has opened its draft action plan \"{1}\" for public consultation. Comments are taken until {2}.", MemberNames.Of(plan.Member.Name), plan.Title, closesOn.ToDisplayDate()],
                    L["Read it and comment: {0}", Link($"/consultations/{plan.Id}")])),
            cancellationToken);
    }

    public Task PlanPublishedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            L => new(
                L["{0}: action plan published", MemberNames.Of(plan.Member.Name)],
                Body(
                    L["The Open Government Partnership published {0}'s action plan \"{1}\" with {2} commitments.", MemberNames.Of(plan.Member.Name), plan.Title, plan.Commitments.Count],
                    L["Read it: {0}", Link($"/action-plans/{plan.Id}")])),
            cancellationToken);
    }

    public Task ReportPublishedAsync(IrmReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        return TellFollowersAsync(
            plan.MemberId,
            plan.Id,
            L => new(
                L["{0}: IRM {1} published", MemberNames.Of(plan.Member.Name), L.Name(report.Type)],
                Body(
                    L["The Independent Reporting Mechanism published its {0} of {1}'s action plan \"{2}\".", L.Name(report.Type), MemberNames.Of(plan.Member.Name), plan.Title],
                    L["Read the findings: {0}", Link($"/reports/{report.Id}")])),
            cancellationToken);
    }

    /// <summary>News, each follower's in their language, with its one-click unsubscribe link.</summary>
    private async Task TellFollowersAsync(int memberId, int planId, Func<IStringLocalizer, Mail> compose, CancellationToken cancellationToken)
    {
        // The plan's own followers first, so an address following both gets the plan's unsubscribe link.
        var followers = await db.Followers.AsNoTracking()
            .Where(f => f.ConfirmedAt != null && (f.ActionPlanId == planId || f.MemberId == memberId))
            .OrderBy(f => f.ActionPlanId == null)
            .ToListAsync(cancellationToken);
        var mails = new Dictionary<string, (Mail Mail, string Footer)>(StringComparer.Ordinal);
        foreach (var follower in followers.DistinctBy(f => f.Email))
        {
            var language = PortalCultures.Offered(follower.Language);
            if (!mails.TryGetValue(language, out var written))
            {
                written = PortalCultures.InLanguage(language, () => (compose(localizer), localizer["You receive this because you follow it on the Open Government Partnership portal."].Value));
                mails[language] = written;
            }

            var unsubscribe = new Uri(Link($"/follow/unsubscribe?token={follower.Token}"));
            var unsubscribeLine = PortalCultures.InLanguage(language, () => localizer["Unsubscribe with one click: {0}", unsubscribe].Value);
            var text = $"{written.Mail.Body}\n--\n{written.Footer}\n{unsubscribeLine}\n";
            await email.SendAsync(new EmailMessage(follower.Email, written.Mail.Subject, text, UnsubscribeUrl: unsubscribe), cancellationToken);
        }
    }

    private string Link(string path) => portal.Value.Link(path);

    private static string Body(params string[] paragraphs) => string.Join("\n\n", paragraphs) + "\n";

    private sealed record Mail(string Subject, string Body);
}
