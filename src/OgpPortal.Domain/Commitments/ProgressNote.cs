using System.ComponentModel.DataAnnotations;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Commitments;

/// <summary>The point of contact's own view of how complete a commitment is.</summary>
public enum CompletionLevel
{
    [Display(Name = "Not started")]
    NotStarted,

    Limited,

    Substantial,

    Complete,
}

/// <summary>A dated note on a commitment's implementation, with a self-assessed completion level.</summary>
public class ProgressNote : AuditableEntity
{
    public int CommitmentId { get; set; }

    public Commitment Commitment { get; set; } = null!;

    public DateOnly Date { get; set; }

    public string Text { get; set; } = string.Empty;

    public CompletionLevel Completion { get; set; }
}
