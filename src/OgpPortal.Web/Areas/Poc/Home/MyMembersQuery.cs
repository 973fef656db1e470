using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Members;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Poc.Home;

public sealed record MyMember(int Id, string Name, string Code, MemberKind Kind, IReadOnlyList<PlanRow> Plans);

/// <summary>
/// Something a point of contact should do: revise a returned commitment, report on an overdue milestone, deliver a
/// plan. With <see cref="Args"/>, <see cref="Text"/> is a sentence to translate with them; without, it is shown as is.
/// </summary>
public sealed record ActionItem(string Identifier, string Text, string Link)
{
    public IReadOnlyList<object> Args { get; init; } = [];
}

public sealed record MyChallengeEntry(int Id, int MemberId, string Title, Domain.Challenge.ChallengeEntryStatus Status, string? ReturnReason);

public sealed record MyMembersViewModel(IReadOnlyList<MyMember> Members, IReadOnlyList<ActionItem> NeedsAction)
{
    public IReadOnlyList<MyChallengeEntry> ChallengeEntries { get; init; } = [];
}

/// <summary>The members a point of contact is linked to, with their action plans and what needs action; no other member's.</summary>
public sealed class MyMembersQuery(PortalDbContext db, TimeProvider clock) : IFeatureService
{
    /// <summary>How far ahead a coming deadline is shown as needing action.</summary>
    public const int DueSoonMonths = 6;

    public async Task<MyMembersViewModel> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var memberIds = db.MemberPointsOfContact.Where(l => l.UserId == userId).Select(l => l.MemberId);
        var members = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Code, m.Kind })
            .ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .OrderByDescending(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var returned = await db.Commitments.AsNoTracking()
            .Where(c => memberIds.Contains(c.ActionPlan.MemberId) && c.ReviewStatus == CommitmentReviewStatus.Returned && c.ActionPlan.Status == ActionPlanStatus.Submitted)
            .OrderBy(c => c.Identifier)
            .Select(c => new ActionItem(c.Identifier, "returned by the Support Unit: " + c.ReturnReason, "/poc/commitments/" + c.Id + "/edit"))
            .ToListAsync(cancellationToken);
        var overdue = await db.Commitments.AsNoTracking()
            .Where(c => memberIds.Contains(c.ActionPlan.MemberId) && c.ActionPlan.Status == ActionPlanStatus.Published)
            .Select(c => new { c.Id, c.Identifier, Overdue = c.Milestones.Count(m => m.DueDate < today && m.Status != MilestoneStatus.Complete) })
            .Where(c => c.Overdue > 0)
            .OrderBy(c => c.Identifier)
            .ToListAsync(cancellationToken);
        var cycles = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && m.ArchivedAt == null)
            .OrderBy(m => m.Name)
            .Select(MemberCycle.Projection)
            .ToListAsync(cancellationToken);
        var deadlines = cycles.Select(m => Deadline(m, today)).OfType<ActionItem>();
        var reports = await db.IrmReports.AsNoTracking()
            .Where(r => memberIds.Contains(r.ActionPlan.MemberId) && r.Status == ReportStatus.PrePublication)
            .OrderBy(r => r.ActionPlan.Member.Code).ThenBy(r => r.ActionPlan.Number)
            .Select(r => new { r.Id, r.Type, r.ActionPlan.Member.Code, r.ActionPlan.Number })
            .ToListAsync(cancellationToken);
        var forComment = reports.Select(r => new ActionItem($"{r.Code} action plan {r.Number}", $"the IRM's {EnumDisplay.Name(r.Type)} is open for your comments", $"/poc/reports/{r.Id}"));
        var held = await db.Consultations.AsNoTracking()
            .Where(c => memberIds.Contains(c.ActionPlan.MemberId))
            .Select(c => new { c.ActionPlanId, c.ActionPlan.Member.Code, c.ActionPlan.Number, Held = c.Comments.Count(x => x.Status == CommentStatus.Held) })
            .Where(c => c.Held > 0)
            .OrderBy(c => c.Code).ThenBy(c => c.Number)
            .ToListAsync(cancellationToken);
        var challenge = await db.ChallengeEntries.AsNoTracking()
            .Where(e => memberIds.Contains(e.MemberId))
            .OrderByDescending(e => e.UpdatedAt)
            .Select(e => new MyChallengeEntry(e.Id, e.MemberId, e.Title, e.Status, e.ReturnReason))
            .ToListAsync(cancellationToken);

        // What waits on the contact alone comes first: the public's comments to moderate and what was returned to them.
        var moderation = held.Select(c => new ActionItem($"{c.Code} action plan {c.Number}", HeldText, $"/poc/plans/{c.ActionPlanId}/consultation") { Args = [c.Held] });
        var returnedEntries = challenge.Where(e => e.Status == Domain.Challenge.ChallengeEntryStatus.Returned)
            .Select(e => new ActionItem(e.Title, "Open Gov Challenge entry returned by the Support Unit: " + e.ReturnReason, $"/poc/challenge/{e.Id}/edit"));
        var needsAction = moderation.Concat(returned).Concat(returnedEntries).Concat(deadlines).Concat(forComment)
            .Concat(overdue.Select(c => new ActionItem(c.Identifier, c.Overdue == 1 ? "1 milestone is past its due date and not complete" : $"{c.Overdue} milestones are past their due date and not complete", $"/poc/commitments/{c.Id}/progress")))
            .ToList();
        return new MyMembersViewModel(
            members.Select(m => new MyMember(m.Id, m.Name, m.Code, m.Kind, plans.Where(p => p.MemberId == m.Id).ToList())).ToList(),
            needsAction)
        {
            ChallengeEntries = challenge,
        };
    }

    /// <summary>
    /// The member's current cycle (OGP's rules: <see cref="PlanDeadlines.Cycle"/>) when its deadline is near (within
    /// six months) or passed, or when the previous cycle was counted contrary to process; stated neutrally, with the rule.
    /// </summary>
    private static ActionItem? Deadline(MemberCycle member, DateOnly today)
    {
        if (member.CycleOn(today) is not { } cycle
            || (cycle.Standing == DeadlineStanding.Due && cycle.Deadline > today.AddMonths(DueSoonMonths) && cycle.MissedDeadline is null))
        {
            return null;
        }

        var what = member.Pending?.Number is { } number ? $"{member.Code} action plan {number}" : $"{member.Code}'s next action plan";
        var link = member.Pending?.Id is { } planId ? $"/poc/plans/{planId}" : $"/poc/members/{member.Id}/plans/new";
        return (cycle.Standing, cycle.MissedDeadline) switch
        {
            (DeadlineStanding.Due, null) => new ActionItem(what, DueText, link) { Args = [cycle.Deadline.ToDisplayDate()] },
            (DeadlineStanding.Due, { } missed) => new ActionItem(what, DueAfterMissedText, link) { Args = [cycle.Deadline.ToDisplayDate(), missed.ToDisplayDate()] },
            (_, null) => new ActionItem(what, LateText, link) { Args = [cycle.Deadline.ToDisplayDate(), cycle.LastDayToDeliver.ToDisplayDate()] },
            (_, { } missed) => new ActionItem(what, LateAfterMissedText, link)
            {
                Args = [cycle.Deadline.ToDisplayDate(), cycle.LastDayToDeliver.ToDisplayDate(), missed.ToDisplayDate()],
            },
        };
    }

    public static readonly string HeldText = Localizable.Text("{0} comment(s) from the public waiting for your moderation");

    public static readonly string DueText = Localizable.Text(
        "not yet delivered — due {0}; it counts as delivered once published. OGP counts a cycle as contrary to process when its plan is not delivered by 1 January.");

    public static readonly string LateText = Localizable.Text(
        "not yet delivered — due {0}, so it is late; published by {1}, it is still delivered in this cycle. OGP counts a cycle as contrary to process when its plan is not delivered by 1 January.");

    public static readonly string DueAfterMissedText = Localizable.Text(
        "not yet delivered — due {0}. The previous plan, due {1}, was not delivered by 1 January, which OGP counts as acting contrary to process; the member moved to the next cohort and this cycle started clean.");

    public static readonly string LateAfterMissedText = Localizable.Text(
        "not yet delivered — due {0}, so it is late; published by {1}, it is still delivered in this cycle. The previous plan, due {2}, was not delivered by 1 January, which OGP counts as acting contrary to process.");
}
