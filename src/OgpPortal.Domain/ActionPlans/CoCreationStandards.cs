using System.ComponentModel.DataAnnotations;
using System.Globalization;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.ActionPlans;

/// <summary>The items of OGP's Participation and Co-Creation Standards (2022) the portal's records can tell.</summary>
public enum CoCreationStandard
{
    [Display(Name = "Multi-stakeholder forum meets at least every six months")]
    Forum,

    [Display(Name = "Public repository of the plan's documents")]
    Repository,

    [Display(Name = "Public consultation during co-creation")]
    Consultation,

    [Display(Name = "Reasoned response to public input")]
    ReasonedResponse,
}

/// <summary>
/// Why a standard is met or not: an English sentence (its display name) with numbered places for
/// <see cref="StandardCheck.Arguments"/>, so each page can say it in its own language.
/// </summary>
public enum StandardFinding
{
    [Display(Name = "No multi-stakeholder forum is recorded.")]
    NoForum,

    [Display(Name = "{0} has no recorded meetings.")]
    NoMeetings,

    [Display(Name = "The forum did not meet in the six months after the plan period began on {0}; its first recorded meeting is on {1}.")]
    SilentAtStart,

    [Display(Name = "More than six months passed between the meetings of {0} and {1}.")]
    GapBetweenMeetings,

    [Display(Name = "The last recorded meeting was on {0}, more than six months ago.")]
    SilentSinceLastMeeting,

    [Display(Name = "{0} meetings recorded; the last on {1}.")]
    MeetingsRecorded,

    [Display(Name = "1 meeting recorded, on {0}.")]
    OneMeetingRecorded,

    [Display(Name = "No repository link is recorded.")]
    NoRepository,

    [Display(Name = "Published at {0}.")]
    PublishedAt,

    [Display(Name = "Held on this portal from {0} to {1}.")]
    HeldOnPortal,

    [Display(Name = "Open on this portal from {0} until {1}.")]
    OpenOnPortal,

    [Display(Name = "No consultation was held on this portal, and no record of one held elsewhere is given.")]
    NoConsultation,

    [Display(Name = "Every one of the {0} published comments has a reasoned response on this portal.")]
    AllCommentsAnswered,

    [Display(Name = "The consultation on this portal received no comments to answer.")]
    NoCommentsToAnswer,

    [Display(Name = "{0} of the {1} published comments have a reasoned response.")]
    CommentsUnanswered,

    [Display(Name = "Comments received by the consultation are still waiting for moderation.")]
    CommentsAwaitModeration,

    [Display(Name = "No reasoned response is recorded, and no consultation was held on this portal.")]
    NoReasonedResponse,
}

/// <summary>One standard of the checklist, met or not, and why.</summary>
public sealed record StandardCheck(CoCreationStandard Standard, bool Met, StandardFinding Finding, IReadOnlyList<object> Arguments)
{
    /// <summary>The finding in English, dates as yyyy-MM-dd (pages say it in their language instead).</summary>
    public string Explanation => string.Format(
        CultureInfo.InvariantCulture,
        EnumDisplay.Name(Finding),
        Arguments.Select(a => a is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : a).ToArray());
}

/// <summary>The plan's consultation held in the portal, as counts: the portal's own evidence of co-creation.</summary>
/// <param name="OpenedOn">The day it opened.</param>
/// <param name="LastDay">The last day comments were (or are) taken.</param>
/// <param name="IsOpen">Whether it takes comments today.</param>
/// <param name="Published">Comments published.</param>
/// <param name="Answered">Published comments with a reasoned response.</param>
/// <param name="Held">Comments still waiting for moderation.</param>
public sealed record PortalConsultation(DateOnly OpenedOn, DateOnly LastDay, bool IsOpen, int Published, int Answered, int Held);

/// <summary>Everything the checklist reads for one plan: the Support Unit's record and the portal's own evidence.</summary>
public sealed record CoCreationEvidence(
    string? ForumName,
    IReadOnlyList<DateOnly> Meetings,
    string? RepositoryUrl,
    string? ConsultationUrl,
    string? ReasonedResponseUrl,
    PortalConsultation? Consultation,
    DateOnly PeriodStart,
    DateOnly PeriodEnd);

/// <summary>
/// OGP's Participation and Co-Creation Standards, as far as the portal's records can tell. What happened in
/// the portal counts without anyone ticking it: a consultation held here meets the consultation standard, and
/// answering every published comment with a reasoned response meets that standard. A link recorded by the
/// Support Unit stands for what happened elsewhere.
/// </summary>
public static class CoCreationStandards
{
    public const int MaximumMonthsBetweenMeetings = 6;

    public static IReadOnlyList<StandardCheck> Check(CoCreationEvidence evidence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return
        [
            CheckForum(evidence.ForumName, evidence.Meetings, evidence.PeriodStart, today < evidence.PeriodEnd ? today : evidence.PeriodEnd),
            evidence.RepositoryUrl is { } repository
                ? Met(CoCreationStandard.Repository, StandardFinding.PublishedAt, repository)
                : NotMet(CoCreationStandard.Repository, StandardFinding.NoRepository),
            CheckConsultation(evidence.Consultation, evidence.ConsultationUrl),
            CheckReasonedResponse(evidence.Consultation, evidence.ReasonedResponseUrl),
        ];
    }

    /// <summary>Met by a consultation held (or running) in the portal, or by a record of one held elsewhere.</summary>
    public static StandardCheck CheckConsultation(PortalConsultation? consultation, string? consultationUrl) => consultation switch
    {
        { IsOpen: true } => Met(CoCreationStandard.Consultation, StandardFinding.OpenOnPortal, consultation.OpenedOn, consultation.LastDay),
        not null => Met(CoCreationStandard.Consultation, StandardFinding.HeldOnPortal, consultation.OpenedOn, consultation.LastDay),
        null when consultationUrl is not null => Met(CoCreationStandard.Consultation, StandardFinding.PublishedAt, consultationUrl),
        null => NotMet(CoCreationStandard.Consultation, StandardFinding.NoConsultation),
    };

    /// <summary>
    /// Met when every comment the portal's consultation received was moderated and every published one answered,
    /// or when the Support Unit recorded where the member published its reasoned response (input given elsewhere).
    /// A consultation that received no comments leaves nothing unanswered.
    /// </summary>
    public static StandardCheck CheckReasonedResponse(PortalConsultation? consultation, string? reasonedResponseUrl)
    {
        if (consultation is { Held: > 0 })
        {
            return NotMet(CoCreationStandard.ReasonedResponse, StandardFinding.CommentsAwaitModeration);
        }

        if (consultation is not null && consultation.Answered < consultation.Published)
        {
            return NotMet(CoCreationStandard.ReasonedResponse, StandardFinding.CommentsUnanswered, consultation.Answered, consultation.Published);
        }

        return (consultation, reasonedResponseUrl) switch
        {
            (_, not null) => Met(CoCreationStandard.ReasonedResponse, StandardFinding.PublishedAt, reasonedResponseUrl),
            ({ Published: > 0 }, null) => Met(CoCreationStandard.ReasonedResponse, StandardFinding.AllCommentsAnswered, consultation.Published),
            (not null, null) => Met(CoCreationStandard.ReasonedResponse, StandardFinding.NoCommentsToAnswer),
            _ => NotMet(CoCreationStandard.ReasonedResponse, StandardFinding.NoReasonedResponse),
        };
    }

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
            return NotMet(CoCreationStandard.Forum, StandardFinding.NoForum);
        }

        var dates = meetings.Order().ToList();
        if (dates.Count == 0)
        {
            return NotMet(CoCreationStandard.Forum, StandardFinding.NoMeetings, forumName);
        }

        if (dates[0] > periodStart && periodStart.AddMonths(MaximumMonthsBetweenMeetings) < (dates[0] < until ? dates[0] : until))
        {
            return NotMet(CoCreationStandard.Forum, StandardFinding.SilentAtStart, periodStart, dates[0]);
        }

        var gaps = dates.Zip(dates.Skip(1)).Where(pair => pair.First.AddMonths(MaximumMonthsBetweenMeetings) < pair.Second).ToList();
        if (gaps.Count > 0)
        {
            var (from, to) = gaps[0];
            return NotMet(CoCreationStandard.Forum, StandardFinding.GapBetweenMeetings, from, to);
        }

        var last = dates[^1];
        return last.AddMonths(MaximumMonthsBetweenMeetings) < until
            ? NotMet(CoCreationStandard.Forum, StandardFinding.SilentSinceLastMeeting, last)
            : dates.Count == 1
                ? Met(CoCreationStandard.Forum, StandardFinding.OneMeetingRecorded, last)
                : Met(CoCreationStandard.Forum, StandardFinding.MeetingsRecorded, dates.Count, last);
    }

    private static StandardCheck Met(CoCreationStandard standard, StandardFinding finding, params object[] arguments) => new(standard, true, finding, arguments);

    private static StandardCheck NotMet(CoCreationStandard standard, StandardFinding finding, params object[] arguments) => new(standard, false, finding, arguments);
}
