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
    /// Where a public consultation held outside the portal is documented; a consultation held in the portal
    /// is its own evidence.
    /// </summary>
    public string? ConsultationUrl { get; private set; }

    /// <summary>
    /// Where the member published its reasoned response to public input given outside the portal; the
    /// responses to the portal's own consultation are their own evidence.
    /// </summary>
    public string? ReasonedResponseUrl { get; private set; }

    public IReadOnlyCollection<ForumMeeting> ForumMeetings => _forumMeetings;

    public void RecordCoCreation(string? forumName, string? repositoryUrl, string? consultationUrl, string? reasonedResponseUrl)
    {
        ForumName = Optional(forumName);
        RepositoryUrl = WebLink(repositoryUrl, "The repository");
        ConsultationUrl = WebLink(consultationUrl, "The consultation's record");
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

