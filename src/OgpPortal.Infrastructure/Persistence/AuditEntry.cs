namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// One recorded change: what was created, changed or deleted, by whom and when. Entries are grouped by
/// subject — the record people look up, such as a commitment (by its identifier) whose history also
/// holds its milestones' and progress notes' changes.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Member, ActionPlan or Commitment.</summary>
    public string SubjectType { get; set; } = string.Empty;

    /// <summary>The subject's natural key: member code, <c>NO/5</c> for Norway's plan 5, commitment identifier.</summary>
    public string SubjectKey { get; set; } = string.Empty;

    /// <summary>The record that changed: the subject itself or one of its parts (Milestone, ProgressNote).</summary>
    public string EntityType { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>The changed values as JSON: <c>[{"Property":"Title","From":"…","To":"…"}]</c>.</summary>
    public string Changes { get; set; } = "[]";

    public string UserName { get; set; } = string.Empty;

    public DateTime At { get; set; }
}

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>One property's change, as stored in <see cref="AuditEntry.Changes"/>.</summary>
public sealed record AuditChange(string Property, string? From, string? To);
