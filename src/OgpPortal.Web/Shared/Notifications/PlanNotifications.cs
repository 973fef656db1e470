using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Shared.Notifications;

/// <summary>
/// Tells people when an action plan moves: submitted → the Support Unit; commitment returned and plan
/// published → the member's points of contact. Queued in the outbox after the change is saved; a mail server
/// that is down delays the mail and does not undo the change.
/// </summary>
public sealed class PlanNotifications(
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
