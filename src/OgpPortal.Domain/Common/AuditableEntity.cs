namespace OgpPortal.Domain.Common;

/// <summary>
/// A record that remembers who created it and who last changed it, and when (UTC).
/// The stamps are set by the persistence layer on save, never by hand.
/// </summary>
public abstract class AuditableEntity
{
    public int Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>
/// A record edited by several people at once: its <see cref="Version"/> changes on every save, so a save
/// made from a stale copy is refused instead of overwriting someone else's edit.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; set; }
}
