using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.SupportUnit.Deadlines;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Shared.Notifications;

/// <summary>
/// Tells the people who work on the records when something waits for them: an action plan submitted, a commitment
/// resubmitted or an IRM report published → the Support Unit; a commitment or plan returned, a plan published, a
/// Challenge entry decided → the member's points of contact; a comment on a report in pre-publication → the plan's
/// researchers. Queued in the outbox after the change is saved; a mail server that is down delays the mail and does
/// not undo the change.
/// </summary>
public sealed class WorkNotifications(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    IEmailSender email,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PortalOptions> portal) : IFeatureService
{
    public async Task PlanSubmittedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await SendAsync(
            await StaffAsync(),
            L => new(
                L["Action plan submitted for review: {0}, action plan {1}", MemberNames.Of(plan.Member.Name), plan.Number],
                Body(L["{0} submitted \"{1}\" with {2} commitments for review.", MemberNames.Of(plan.Member.Name), plan.Title, plan.Commitments.Count], L["Review it: {0}", Link($"/support-unit/reviews/{plan.Id}")])),
            cancellationToken);
    }

    public async Task CommitmentResubmittedAsync(Commitment commitment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var plan = commitment.ActionPlan;
        await SendAsync(
            await StaffAsync(),
            L => new(
                L["Commitment {0} resubmitted for review", commitment.Identifier],
                Body(L["{0} revised and resubmitted commitment {1} \"{2}\" of \"{3}\".", MemberNames.Of(plan.Member.Name), commitment.Identifier, commitment.Title, plan.Title], L["Review it: {0}", Link($"/support-unit/reviews/{plan.Id}")])),
            cancellationToken);
    }

    public async Task CommitmentReturnedAsync(Commitment commitment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var plan = commitment.ActionPlan;
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            L => new(
                L["Commitment {0} returned for revision", commitment.Identifier],
                Body(
                    L["The Support Unit returned commitment {0} \"{1}\" of \"{2}\".", commitment.Identifier, commitment.Title, plan.Title],
                    L["Reason: {0}", commitment.ReturnReason ?? string.Empty],
                    L["Revise and resubmit it: {0}", Link($"/poc/plans/{plan.Id}")])),
            cancellationToken);
    }

    public async Task PlanReturnedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            L => new(
                L["Action plan returned to Draft: {0}", plan.Title],
                Body(
                    L["The Support Unit returned \"{0}\" to Draft.", plan.Title],
                    L["Reason: {0}", plan.ReturnReason ?? string.Empty],
                    L["Revise and submit it again: {0}", Link($"/poc/plans/{plan.Id}")])),
            cancellationToken);
    }

    public async Task PlanPublishedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            L => new(
                L["Action plan published: {0}", plan.Title],
                Body(
                    L["The Support Unit published \"{0}\". It is now public: {1}", plan.Title, Link($"/action-plans/{plan.Id}")],
                    L["Report implementation progress from your dashboard: {0}", Link("/poc")])),
            cancellationToken);
    }

    /// <summary>A point of contact or the Support Unit commented on a report in pre-publication: its researchers hear of it.</summary>
    public async Task ReportCommentedAsync(IrmReport report, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        var researchers = await db.ResearcherAssignments
            .Where(a => a.ActionPlanId == report.ActionPlanId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), a => a.UserId, u => u.Id, (_, u) => new Recipient(u.Email!, u.Language))
            .ToListAsync(cancellationToken);
        await SendAsync(
            researchers,
            L => new(
                L["New comment on the {0} of {1}, action plan {2}", L.Name(report.Type), MemberNames.Of(plan.Member.Name), plan.Number],
                Body(L["{0} commented on your draft {1} of \"{2}\".", author, L.Name(report.Type), plan.Title], L["Read and answer it: {0}", Link($"/irm/reports/{report.Id}")])),
            cancellationToken);
    }

    /// <summary>A researcher published an IRM report: the Support Unit hears of it.</summary>
    public async Task ReportPublishedAsync(IrmReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        await SendAsync(
            await StaffAsync(),
            L => new(
                L["IRM {0} published: {1}, action plan {2}", L.Name(report.Type), MemberNames.Of(plan.Member.Name), plan.Number],
                Body(L["The IRM published its {0} of {1}'s \"{2}\".", L.Name(report.Type), MemberNames.Of(plan.Member.Name), plan.Title], L["Read it: {0}", Link($"/support-unit/reports/{report.Id}")])),
            cancellationToken);
    }

    /// <summary>The Support Unit accepted or returned a Challenge entry, or flagged it promising: the member's points of contact hear of it.</summary>
    public async Task ChallengeEntryDecidedAsync(ChallengeEntry entry, ChallengeDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await SendAsync(
            await PointsOfContactAsync(entry.MemberId, cancellationToken),
            L =>
            {
                var (subject, what) = decision switch
                {
                    ChallengeDecision.Returned => (
                        L["Open Gov Challenge entry returned for revision: {0}", entry.Title],
                        Paragraphs(L["The Support Unit returned it for revision."], L["Reason: {0}", entry.ReturnReason ?? string.Empty])),
                    ChallengeDecision.FlaggedPromising => (
                        L["Open Gov Challenge entry flagged as promising: {0}", entry.Title],
                        Paragraphs(L["The Support Unit flagged it as promising: it is highlighted in the public database."], L["Why: {0}", entry.PromisingReason ?? string.Empty])),
                    _ => (L["Open Gov Challenge entry accepted: {0}", entry.Title], L["The Support Unit accepted it: it is now public in the Open Gov Challenge database."].Value),
                };
                return new(subject, Body(L["{0}'s Open Gov Challenge entry \"{1}\".", MemberNames.Of(entry.Member.Name), entry.Title], what, L["See it: {0}", Link($"/poc/challenge/{entry.Id}")]));
            },
            cancellationToken);
    }

    /// <summary>A member's plan is due in <paramref name="days"/> days at most and not delivered: its points of contact are reminded.</summary>
    public async Task DeadlineReminderAsync(DeadlineRow member, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await SendAsync(
            await PointsOfContactAsync(member.MemberId, cancellationToken),
            L =>
            {
                var name = MemberNames.Of(member.Name);
                var deadline = member.Deadline.ToDisplayDate();
                var (subject, reminder) = member.Pending?.Number is { } number
                    ? (L["{0}'s action plan {1} is due on {2}", name, number, deadline], L["A reminder: {0}'s action plan {1} is due on {2}, within {3} days.", name, number, deadline, days])
                    : (L["{0}'s next action plan is due on {1}", name, deadline], L["A reminder: {0}'s next action plan is due on {1}, within {2} days.", name, deadline, days]);
                var why = string.Join(' ', reminder, L["It counts as delivered once the Support Unit publishes it, so submit it for review in good time."], L["OGP counts a cycle as contrary to process when its plan is not delivered by 1 January."]);
                return new(subject, Body(why, L["Your dashboard: {0}", Link("/poc")]));
            },
            cancellationToken);
    }

    private Task<List<Recipient>> PointsOfContactAsync(int memberId, CancellationToken cancellationToken) =>
        db.MemberPointsOfContact
            .Where(l => l.MemberId == memberId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), l => l.UserId, u => u.Id, (_, u) => new Recipient(u.Email!, u.Language))
            .ToListAsync(cancellationToken);

    /// <summary>Active Support Unit staff: a deactivated account gets no mail.</summary>
    private async Task<List<Recipient>> StaffAsync() =>
        (await users.GetUsersInRoleAsync(PortalRoles.SupportUnit)).Where(u => u.DeactivatedAt is null).Select(u => new Recipient(u.Email!, u.Language)).ToList();

    private string Link(string path) => portal.Value.Link(path);

    private static string Paragraphs(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    private static string Body(params string[] paragraphs) => Paragraphs(paragraphs) + "\n";

    /// <summary>Each recipient's mail is written in their language (<see cref="ApplicationUser.Language"/>; English when not known).</summary>
    private async Task SendAsync(IReadOnlyList<Recipient> recipients, Func<IStringLocalizer, Mail> compose, CancellationToken cancellationToken)
    {
        foreach (var language in recipients.GroupBy(r => PortalCultures.Offered(r.Language)))
        {
            var mail = PortalCultures.InLanguage(language.Key, () => compose(localizer));
            foreach (var recipient in language)
            {
                await email.SendAsync(new EmailMessage(recipient.Email, mail.Subject, mail.Body), cancellationToken);
            }
        }
    }

    private sealed record Recipient(string Email, string? Language);

    private sealed record Mail(string Subject, string Body);
}

/// <summary>What the Support Unit decided on a Challenge entry, for <see cref="WorkNotifications.ChallengeEntryDecidedAsync"/>.</summary>
public enum ChallengeDecision
{
    Accepted,
    Returned,
    FlaggedPromising,
}
