using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.ActionPlans;

/// <summary>
/// The plan's record against OGP's Participation and Co-Creation Standards (2022), kept by the Support
/// Unit: the multi-stakeholder forum and its meetings, the public repository, the reasoned response.
/// </summary>
public partial class ActionPlan
{
    private readonly List<ForumMeeting> _forumMeetings = [];

    /// <summary>The multi-stakeholder forum's name; null while no forum is known to exist.</summary>
    public string? ForumName { get; private set; }

    /// <summary>The member's public OGP website or repository of the plan's documents.</summary>
    public string? RepositoryUrl { get; private set; }

    /// <summary>
    /// Where the member published its reasoned response to public input. Comments made through the
    /// portal's own consultations will count towards this standard once that feature exists.
    /// </summary>
    public string? ReasonedResponseUrl { get; private set; }

    public IReadOnlyCollection<ForumMeeting> ForumMeetings => _forumMeetings;

    public void RecordCoCreation(string? forumName, string? repositoryUrl, string? reasonedResponseUrl)
    {
        ForumName = Optional(forumName);
        RepositoryUrl = WebLink(repositoryUrl, "The repository");
        ReasonedResponseUrl = WebLink(reasonedResponseUrl, "The reasoned response");
    }

    public ForumMeeting AddForumMeeting(DateOnly heldOn, string? note, DateOnly today)
    {
        if (ForumName is null)
        {
            throw new DomainRuleException("Record the multi-stakeholder forum before its meetings.");
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("Record meetings that have taken place; this date is in the future.");
        }

        if (_forumMeetings.Any(m => m.HeldOn == heldOn))
        {
            throw new DomainRuleException($"A meeting on {heldOn:yyyy-MM-dd} is already recorded.");
        }

        var meeting = new ForumMeeting(heldOn, Optional(note));
        _forumMeetings.Add(meeting);
        return meeting;
    }

    public void RemoveForumMeeting(int meetingId)
    {
        var meeting = _forumMeetings.FirstOrDefault(m => m.Id == meetingId)
            ?? throw new DomainRuleException("That meeting is not recorded for this plan.");
        _forumMeetings.Remove(meeting);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? WebLink(string? url, string what)
    {
        var trimmed = Optional(url);
        return trimmed is null || WebAddress.IsValid(trimmed)
            ? trimmed
            : throw new DomainRuleException($"{what} must be a web address starting with http:// or https://.");
    }
}

/// <summary>A meeting of the plan's multi-stakeholder forum.</summary>
public class ForumMeeting
{
    public ForumMeeting(DateOnly heldOn, string? note)
    {
        HeldOn = heldOn;
        Note = note;
    }

    public int Id { get; private set; }

    public int ActionPlanId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>One standard of the checklist, met or not, with the reason shown to staff.</summary>
public sealed record StandardCheck(string Standard, bool Met, string Explanation);

/// <summary>OGP's Participation and Co-Creation Standards, as far as the portal's records can tell.</summary>
public static class CoCreationStandards
{
    public const int MaximumMonthsBetweenMeetings = 6;

    public const string Forum = "Multi-stakeholder forum meets at least every six months";
    public const string Repository = "Public repository of the plan's documents";
    public const string ReasonedResponse = "Reasoned response to public input";

    public static IReadOnlyList<StandardCheck> Check(string? forumName, IEnumerable<DateOnly> meetings, string? repositoryUrl, string? reasonedResponseUrl, DateOnly periodStart, DateOnly periodEnd, DateOnly today) =>
    [
        CheckForum(forumName, meetings, periodStart, today < periodEnd ? today : periodEnd),
        repositoryUrl is null
            ? new StandardCheck(Repository, false, "No repository link is recorded.")
            : new StandardCheck(Repository, true, repositoryUrl),
        reasonedResponseUrl is null
            ? new StandardCheck(ReasonedResponse, false, "No reasoned response is recorded.")
            : new StandardCheck(ReasonedResponse, true, reasonedResponseUrl),
    ];

    /// <summary>
    /// Met when a forum exists, has met, and no stretch of more than six months passed without a meeting:
    /// from the start of the plan period to the first meeting, between meetings, or since the last meeting
    /// (up to <paramref name="until"/>: today, or the end of the plan period if that came first). Meetings
    /// before the period (co-creation) count.
    /// </summary>
    public static StandardCheck CheckForum(string? forumName, IEnumerable<DateOnly> meetings, DateOnly periodStart, DateOnly until)
    {
        if (forumName is null)
        {
            return new StandardCheck(Forum, false, "No multi-stakeholder forum is recorded.");
        }

        var dates = meetings.Order().ToList();
        if (dates.Count == 0)
        {
            return new StandardCheck(Forum, false, $"{forumName} has no recorded meetings.");
        }

        if (dates[0] > periodStart && periodStart.AddMonths(MaximumMonthsBetweenMeetings) < (dates[0] < until ? dates[0] : until))
        {
            return new StandardCheck(Forum, false, $"The forum did not meet in the six months after the plan period began on {periodStart:yyyy-MM-dd}; its first recorded meeting is on {dates[0]:yyyy-MM-dd}.");
        }

        var gaps = dates.Zip(dates.Skip(1)).Where(pair => pair.First.AddMonths(MaximumMonthsBetweenMeetings) < pair.Second).ToList();
        if (gaps.Count > 0)
        {
            var (from, to) = gaps[0];
            return new StandardCheck(Forum, false, $"More than six months passed between the meetings of {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.");
        }

        var last = dates[^1];
        return last.AddMonths(MaximumMonthsBetweenMeetings) < until
            ? new StandardCheck(Forum, false, $"The last recorded meeting was on {last:yyyy-MM-dd}, more than six months ago.")
            : new StandardCheck(Forum, true, dates.Count == 1 ? "1 meeting recorded." : $"{dates.Count} meetings recorded.");
    }
}
