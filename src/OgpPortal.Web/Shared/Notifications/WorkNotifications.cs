using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    IOptions<PortalOptions> portal) : IFeatureService
{
    public async Task PlanSubmittedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var staff = await StaffAsync();
        await SendAsync(
            staff,
            $"Action plan submitted for review: {plan.Member.Name}, action plan {plan.Number}",
            $"{plan.Member.Name} submitted \"{plan.Title}\" with {plan.Commitments.Count} commitments for review.\n\nReview it: {portal.Value.Link($"/support-unit/reviews/{plan.Id}")}\n",
            cancellationToken);
    }

    public async Task CommitmentResubmittedAsync(Commitment commitment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var plan = commitment.ActionPlan;
        var staff = await StaffAsync();
        await SendAsync(
            staff,
            $"Commitment {commitment.Identifier} resubmitted for review",
            $"{plan.Member.Name} revised and resubmitted commitment {commitment.Identifier} \"{commitment.Title}\" of \"{plan.Title}\".\n\nReview it: {portal.Value.Link($"/support-unit/reviews/{plan.Id}")}\n",
            cancellationToken);
    }

    public async Task CommitmentReturnedAsync(Commitment commitment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var plan = commitment.ActionPlan;
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            $"Commitment {commitment.Identifier} returned for revision",
            $"The Support Unit returned commitment {commitment.Identifier} \"{commitment.Title}\" of \"{plan.Title}\".\n\nReason: {commitment.ReturnReason}\n\nRevise and resubmit it: {portal.Value.Link($"/poc/plans/{plan.Id}")}\n",
            cancellationToken);
    }

    public async Task PlanReturnedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            $"Action plan returned to Draft: {plan.Title}",
            $"The Support Unit returned \"{plan.Title}\" to Draft.\n\nReason: {plan.ReturnReason}\n\nRevise and submit it again: {portal.Value.Link($"/poc/plans/{plan.Id}")}\n",
            cancellationToken);
    }

    public async Task PlanPublishedAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await SendAsync(
            await PointsOfContactAsync(plan.MemberId, cancellationToken),
            $"Action plan published: {plan.Title}",
            $"The Support Unit published \"{plan.Title}\". It is now public: {portal.Value.Link($"/action-plans/{plan.Id}")}\n\nReport implementation progress from your dashboard: {portal.Value.Link("/poc")}\n",
            cancellationToken);
    }

    /// <summary>A point of contact or the Support Unit commented on a report in pre-publication: its researchers hear of it.</summary>
    public async Task ReportCommentedAsync(IrmReport report, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        var researchers = await db.ResearcherAssignments
            .Where(a => a.ActionPlanId == report.ActionPlanId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), a => a.UserId, u => u.Id, (_, u) => u.Email!)
            .ToListAsync(cancellationToken);
        await SendAsync(
            researchers,
            $"New comment on the {EnumDisplay.Name(report.Type)} of {plan.Member.Name}, action plan {plan.Number}",
            $"{author} commented on your draft {EnumDisplay.Name(report.Type)} of \"{plan.Title}\".\n\nRead and answer it: {portal.Value.Link($"/irm/reports/{report.Id}")}\n",
            cancellationToken);
    }

    /// <summary>A researcher published an IRM report: the Support Unit hears of it.</summary>
    public async Task ReportPublishedAsync(IrmReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.ActionPlan;
        await SendAsync(
            await StaffAsync(),
            $"IRM {EnumDisplay.Name(report.Type)} published: {plan.Member.Name}, action plan {plan.Number}",
            $"The IRM published its {EnumDisplay.Name(report.Type)} of {plan.Member.Name}'s \"{plan.Title}\".\n\nRead it: {portal.Value.Link($"/support-unit/reports/{report.Id}")}\n",
            cancellationToken);
    }

    /// <summary>The Support Unit accepted or returned a Challenge entry, or flagged it promising: the member's points of contact hear of it.</summary>
    public async Task ChallengeEntryDecidedAsync(ChallengeEntry entry, ChallengeDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (subject, what) = decision switch
        {
            ChallengeDecision.Returned => ("returned for revision", $"The Support Unit returned it for revision.\n\nReason: {entry.ReturnReason}"),
            ChallengeDecision.FlaggedPromising => ("flagged as promising", $"The Support Unit flagged it as promising: it is highlighted in the public database.\n\nWhy: {entry.PromisingReason}"),
            _ => ("accepted", "The Support Unit accepted it: it is now public in the Open Gov Challenge database."),
        };
        await SendAsync(
            await PointsOfContactAsync(entry.MemberId, cancellationToken),
            $"Open Gov Challenge entry {subject}: {entry.Title}",
            $"{entry.Member.Name}'s Open Gov Challenge entry \"{entry.Title}\".\n\n{what}\n\nSee it: {portal.Value.Link($"/poc/challenge/{entry.Id}")}\n",
            cancellationToken);
    }

    /// <summary>A member's plan is due in <paramref name="days"/> days at most and not delivered: its points of contact are reminded.</summary>
    public async Task DeadlineReminderAsync(DeadlineRow member, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var plan = member.Pending?.Number is { } number ? $"action plan {number}" : "next action plan";
        var deadline = member.Deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        await SendAsync(
            await PointsOfContactAsync(member.MemberId, cancellationToken),
            $"{member.Name}'s {plan} is due on {deadline}",
            $"A reminder: {member.Name}'s {plan} is due on {deadline}, within {days} days. "
            + "It counts as delivered once the Support Unit publishes it, so submit it for review in good time. "
            + "OGP counts a cycle as contrary to process when its plan is not delivered by 1 January.\n\n"
            + $"Your dashboard: {portal.Value.Link("/poc")}\n",
            cancellationToken);
    }

    private Task<List<string>> PointsOfContactAsync(int memberId, CancellationToken cancellationToken) =>
        db.MemberPointsOfContact
            .Where(l => l.MemberId == memberId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), l => l.UserId, u => u.Id, (_, u) => u.Email!)
            .ToListAsync(cancellationToken);

    /// <summary>Active Support Unit staff: a deactivated account gets no mail.</summary>
    private async Task<List<string>> StaffAsync() =>
        (await users.GetUsersInRoleAsync(PortalRoles.SupportUnit)).Where(u => u.DeactivatedAt is null).Select(u => u.Email!).ToList();

    private async Task SendAsync(IReadOnlyList<string> recipients, string subject, string body, CancellationToken cancellationToken)
    {
        foreach (var recipient in recipients)
        {
            await email.SendAsync(new EmailMessage(recipient, subject, body), cancellationToken);
        }
    }
}

/// <summary>What the Support Unit decided on a Challenge entry, for <see cref="WorkNotifications.ChallengeEntryDecidedAsync"/>.</summary>
public enum ChallengeDecision
{
    Accepted,
    Returned,
    FlaggedPromising,
}
