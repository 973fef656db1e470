namespace OgpPortal.Domain.Commitments;

/// <summary>
/// A tag of OGP's two-level policy taxonomy, e.g. <c>Anti-Corruption and Integrity</c> → <c>Open Contracting</c>.
/// The full list is <see cref="PolicyAreaCatalog"/>.
/// </summary>
public class PolicyArea
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The top-level area this one belongs to; null for a top-level area.</summary>
    public int? ParentId { get; set; }

    public PolicyArea? Parent { get; set; }

    public ICollection<Commitment> Commitments { get; } = new List<Commitment>();
}
