namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// One recorded change: what was created, changed or deleted, by whom and when. Entries are grouped by
/// subject — the record people look up, such as a commitment (by its identifier) whose history also
/// holds its milestones' and progress notes' changes.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Member, ActionPlan, Commitment, Contribution or Account.</summary>
    public string SubjectType { get; set; } = string.Empty;

    /// <summary>
    /// The subject's natural key: member code, <c>NO/5</c> for Norway's plan 5, commitment identifier,
    /// <c>NO/2026</c> for Norway's 2026 contribution, an account's e-mail address.
    /// </summary>
    public string SubjectKey { get; set; } = string.Empty;

    /// <summary>The code of the member the change concerns, when it concerns one: the audit log filters by it.</summary>
    public string? MemberCode { get; set; }

    /// <summary>The record that changed: the subject itself or one of its parts (Milestone, ProgressNote).</summary>
    public string EntityType { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>The changed values as JSON: <c>[{"Property":"Title","From":"…","To":"…"}]</c>.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>Who made the change; stamped on save when left empty.</summary>
    public string UserName { get; set; } = string.Empty;

    public DateTime At { get; set; }
}

/// <summary>The subject types of audit entries, as stored.</summary>
public static class AuditSubjects
{
    public const string Member = nameof(Domain.Members.Member);
    public const string ActionPlan = nameof(Domain.ActionPlans.ActionPlan);
    public const string Commitment = nameof(Domain.Commitments.Commitment);
    public const string Contribution = nameof(Domain.Contributions.Contribution);
    public const string Report = "Report";
    public const string Challenge = "Challenge";
    public const string Account = "Account";

    public static readonly IReadOnlyList<string> All = [Member, ActionPlan, Commitment, Report, Challenge, Contribution, Account];
}

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>One property's change, as stored in <see cref="AuditEntry.Changes"/>.</summary>
public sealed record AuditChange(string Property, string? From, string? To);
