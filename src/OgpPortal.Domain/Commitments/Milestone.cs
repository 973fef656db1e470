using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Commitments;

/// <summary>A step of a commitment, with a due date; its status is reported during implementation.</summary>
public class Milestone : AuditableEntity
{
    private readonly List<EvidenceFile> _evidenceFiles = [];

    public int CommitmentId { get; internal set; }

    public Commitment Commitment { get; internal set; } = null!;

    public string Title { get; internal set; } = string.Empty;

    public DateOnly DueDate { get; internal set; }

    /// <summary>How much this milestone counts towards the commitment's progress; 1 unless set.</summary>
    public int Weight { get; internal set; } = 1;

    public MilestoneStatus Status { get; internal set; } = MilestoneStatus.NotStarted;

    public string? EvidenceUrl { get; internal set; }

    /// <summary>Files attached as evidence, changed through <see cref="Commitment.AddEvidenceFile"/> and <see cref="Commitment.RemoveEvidenceFile"/>.</summary>
    public IReadOnlyCollection<EvidenceFile> EvidenceFiles => _evidenceFiles;

    internal List<EvidenceFile> EvidenceFileList => _evidenceFiles;
}
