using System.Text.RegularExpressions;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Members;

/// <summary>A national or local government that takes part in OGP.</summary>
public partial class Member : AuditableEntity, IConcurrencyVersioned
{
    /// <summary>Founding members joined in 2011.</summary>
    public const int FirstJoinedYear = 2011;

    private readonly List<MemberStatusChange> _statusHistory = [];

    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The member's code, which prefixes its commitment identifiers: <c>NO</c> for Norway,
    /// <c>BUE</c> for Buenos Aires (so <c>NO0090</c>, <c>BUE0009</c>).
    /// </summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>
    /// OGP's code for the member in its data and action plan ids (<c>ALB</c> for Albania, <c>ARBA</c> for
    /// Buenos Aires); set by an import of OGP's data, null for members only the portal knows.
    /// </summary>
    public string? DataCode { get; set; }

    public MemberKind Kind { get; set; }

    public Region Region { get; set; }

    /// <summary>The country a local member sits in; for national members, the country itself.</summary>
    public string? Country { get; set; }

    public int JoinedYear { get; set; }

    /// <summary>The day the member joined, when the Support Unit knows it (in <see cref="JoinedYear"/>); its first deadline follows it.</summary>
    public DateOnly? JoinedOn { get; set; }

    /// <summary>Whether the member's plans are due in even or odd years; null until the Support Unit records it.</summary>
    public Cohort? Cohort { get; set; }

    /// <summary>Changes only through <see cref="ChangeStatus"/>, which keeps the history.</summary>
    public MemberStatus Status { get; private set; } = MemberStatus.Active;

    public string? Website { get; set; }

    /// <summary>The Support Unit's own notes; never shown to the public.</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// When the Support Unit archived the member (left the registry's working lists, its record and plans
    /// kept). A member with plans is archived, never deleted.
    /// </summary>
    public DateTime? ArchivedAt { get; private set; }

    public Guid Version { get; set; }

    public ICollection<ActionPlan> ActionPlans { get; } = new List<ActionPlan>();

    /// <summary>Every status the member has had, oldest first.</summary>
    public IReadOnlyCollection<MemberStatusChange> StatusHistory => _statusHistory;

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>True when the code is two to four capital letters, as OGP's identifiers use.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>
    /// Records a new status from a date, with the reason (required when a member is placed under
    /// procedural review or withdraws, so the record explains itself later).
    /// </summary>
    public void ChangeStatus(MemberStatus status, DateOnly effectiveOn, string? reason)
    {
        if (status == Status)
        {
            throw new DomainRuleException($"{Name} is already {EnumDisplay.Name(status).ToLowerInvariant()}.");
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed is null && status is MemberStatus.UnderProceduralReview or MemberStatus.Withdrawn)
        {
            throw new DomainRuleException("Give the reason for this status.");
        }

        if (_statusHistory.Count > 0 && effectiveOn < _statusHistory.Max(c => c.EffectiveOn))
        {
            throw new DomainRuleException("A new status cannot take effect before the previous one.");
        }

        _statusHistory.Add(new MemberStatusChange(Status, status, effectiveOn, trimmed));
        Status = status;
    }

    public void Archive(DateTime at)
    {
        if (IsArchived)
        {
            throw new DomainRuleException($"{Name} is already archived.");
        }

        ArchivedAt = at;
    }

    public void Restore()
    {
        if (!IsArchived)
        {
            throw new DomainRuleException($"{Name} is not archived.");
        }

        ArchivedAt = null;
    }

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex CodePattern();
}

/// <summary>One entry of a member's status history: from which status to which, from when, and why.</summary>
public class MemberStatusChange
{
    public MemberStatusChange(MemberStatus from, MemberStatus to, DateOnly effectiveOn, string? reason)
    {
        From = from;
        To = to;
        EffectiveOn = effectiveOn;
        Reason = reason;
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public MemberStatus From { get; private set; }

    public MemberStatus To { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public string? Reason { get; private set; }
}
