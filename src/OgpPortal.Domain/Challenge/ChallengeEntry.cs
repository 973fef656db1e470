using System.ComponentModel.DataAnnotations;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Domain.Challenge;

/// <summary>How a reform takes part in the Open Gov Challenge.</summary>
public enum Participation
{
    [Display(Name = "Action-plan commitment")]
    ActionPlanCommitment,

    [Display(Name = "Standalone commitment")]
    StandaloneCommitment,

    [Display(Name = "Awards entry")]
    AwardsEntry,
}

public enum GovernmentLevel
{
    National,

    [Display(Name = "Local member")]
    LocalMember,

    [Display(Name = "Local non-member")]
    LocalNonMember,
}

public enum ChallengeEntryStatus
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>The reform an entry describes, as its author edits it.</summary>
public sealed record ChallengeEntryText(
    string Title,
    string? Description,
    ChallengeArea Area,
    Participation Participation,
    Commitment? Commitment,
    GovernmentLevel Level,
    string? LocalityName,
    string LeadInstitution,
    OgpValues Values);

/// <summary>
/// An entry in the Open Gov Challenge register: a member's reform in one of the ten Challenge areas,
/// inside or outside an action plan. Draft → Submitted → Accepted (public) or Returned with a reason;
/// the Support Unit may flag an accepted entry as promising.
/// </summary>
public class ChallengeEntry : AuditableEntity, IConcurrencyVersioned
{
    private readonly List<ChallengeMilestone> _milestones = [];

    private ChallengeEntry()
    {
    }

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public ChallengeArea Area { get; private set; }

    public Participation Participation { get; private set; }

    public int? CommitmentId { get; private set; }

    public Commitment? Commitment { get; private set; }

    public GovernmentLevel Level { get; private set; }

    public string? LocalityName { get; private set; }

    public string LeadInstitution { get; private set; } = string.Empty;

    public OgpValues Values { get; private set; }

    public ChallengeEntryStatus Status { get; private set; } = ChallengeEntryStatus.Draft;

    public string? ReturnReason { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public bool Promising { get; private set; }

    public string? PromisingReason { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyCollection<ChallengeMilestone> Milestones => _milestones;

    public bool IsEditable => Status is ChallengeEntryStatus.Draft or ChallengeEntryStatus.Returned;

    public static ChallengeEntry Draft(Member member, ChallengeEntryText text, IEnumerable<(string Title, DateOnly Due)> milestones)
    {
        ArgumentNullException.ThrowIfNull(member);
        var entry = new ChallengeEntry { Member = member, MemberId = member.Id };
        entry.Update(text, milestones);
        return entry;
    }

    /// <summary>Changes the entry while it is a draft or returned; the milestones are replaced as given.</summary>
    public void Update(ChallengeEntryText text, IEnumerable<(string Title, DateOnly Due)> milestones)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(milestones);
        if (!IsEditable)
        {
            throw new DomainRuleException($"An entry can be changed while it is a draft or returned; this one is {Status}.");
        }

        if (!Enum.IsDefined(text.Area) || !Enum.IsDefined(text.Participation) || !Enum.IsDefined(text.Level))
        {
            throw new DomainRuleException("Choose a Challenge area, a way of taking part and a level of government from the lists.");
        }

        var locality = string.IsNullOrWhiteSpace(text.LocalityName) ? null : text.LocalityName.Trim();
        if (text.Level == GovernmentLevel.LocalNonMember && locality is null)
        {
            throw new DomainRuleException("Name the locality of a local government that is not an OGP member.");
        }

        if (text.Participation == Participation.ActionPlanCommitment)
        {
            if (text.Commitment is null)
            {
                throw new DomainRuleException("Choose the action-plan commitment this entry is.");
            }

            if (text.Commitment.ActionPlan.MemberId != MemberId)
            {
                throw new DomainRuleException($"{text.Commitment.Identifier} is a commitment of another member; link one of {Member.Name}'s.");
            }
        }

        if (OgpValuesRules.Problem(text.Values) is { } values)
        {
            throw new DomainRuleException(values);
        }

        var list = milestones.Select(m => new ChallengeMilestone(Guard.Required(m.Title, "Each milestone's title"), m.Due)).ToList();
        Title = Guard.Required(text.Title, "The title of the reform");
        LeadInstitution = Guard.Required(text.LeadInstitution, "The lead public institution (the Challenge requires public-sector ownership)");
        Description = string.IsNullOrWhiteSpace(text.Description) ? null : text.Description.Trim();
        Area = text.Area;
        Participation = text.Participation;
        Commitment = text.Participation == Participation.ActionPlanCommitment ? text.Commitment : null;
        CommitmentId = Commitment?.Id;
        Level = text.Level;
        LocalityName = text.Level == GovernmentLevel.LocalNonMember ? locality : null;
        Values = text.Values;
        _milestones.Clear();
        _milestones.AddRange(list);
    }

    /// <summary>Submits the entry: the reform must be ongoing or planned (a milestone today or later).</summary>
    public void Submit(PortalRole actor, DateTime utcNow)
    {
        if (actor is not (PortalRole.PointOfContact or PortalRole.SupportUnit))
        {
            throw new DomainRuleException("Entries are submitted by the member's points of contact or the Support Unit.");
        }

        if (!IsEditable)
        {
            throw new DomainRuleException($"Only a draft or returned entry can be submitted; this one is {Status}.");
        }

        var today = DateOnly.FromDateTime(utcNow);
        if (!_milestones.Any(m => m.DueDate >= today))
        {
            throw new DomainRuleException("The Challenge is for ongoing or planned reforms: give at least one milestone due today or later.");
        }

        Status = ChallengeEntryStatus.Submitted;
        SubmittedAt = utcNow;
        ReturnReason = null;
    }

    public void Accept(PortalRole actor, DateTime utcNow)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "accept a Challenge entry");
        EnsureSubmitted("be accepted");
        Status = ChallengeEntryStatus.Accepted;
        AcceptedAt = utcNow;
    }

    public void Return(PortalRole actor, string reason)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "return a Challenge entry");
        EnsureSubmitted("be returned");
        ReturnReason = Reason(reason, "A reason for returning the entry");
        Status = ChallengeEntryStatus.Returned;
    }

    public void FlagPromising(PortalRole actor, string reason)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "flag a promising action");
        if (Status != ChallengeEntryStatus.Accepted)
        {
            throw new DomainRuleException("Only an accepted entry can be flagged as promising.");
        }

        PromisingReason = Reason(reason, "A short reason why the action is promising");
        Promising = true;
    }

    public void UnflagPromising(PortalRole actor)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "remove the promising flag");
        Promising = false;
        PromisingReason = null;
    }

    private static string Reason(string reason, string what)
    {
        var text = Guard.Required(reason, what);
        return text.Length <= Limits.Reason ? text : throw new DomainRuleException($"{what} has at most {Limits.Reason} characters.");
    }

    private void EnsureSubmitted(string action)
    {
        if (Status != ChallengeEntryStatus.Submitted)
        {
            throw new DomainRuleException($"Only a submitted entry can {action}; this one is {Status}.");
        }
    }
}

/// <summary>A milestone of a Challenge reform.</summary>
public class ChallengeMilestone
{
    public ChallengeMilestone(string title, DateOnly dueDate)
    {
        Title = title;
        DueDate = dueDate;
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    public string Title { get; private set; }

    public DateOnly DueDate { get; private set; }
}
