using OgpPortal.Domain.Commitments;

namespace OgpPortal.Domain.Consultations;

/// <summary>
/// A draft commitment as it was put to consultation: its words and milestones when the consultation was opened,
/// or when they last changed while it was open. The public reads this record, never the draft's current text,
/// so later unreviewed edits stay private and the record of what was consulted on is kept.
/// </summary>
public class ConsultedCommitment
{
    private readonly List<ConsultedMilestone> _milestones = [];

    private ConsultedCommitment()
    {
    }

    public int Id { get; private set; }

    public int ConsultationId { get; private set; }

    /// <summary>The draft commitment this was taken from; null once that draft was removed (the record outlives it).</summary>
    public int? CommitmentId { get; private set; }

    public Commitment? Commitment { get; private set; }

    public int Position { get; private set; }

    public string Identifier { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string? Problem { get; private set; }

    public string? Description { get; private set; }

    public string? Solution { get; private set; }

    public string LeadInstitution { get; private set; } = string.Empty;

    public string? SupportingInstitutions { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public IReadOnlyCollection<ConsultedMilestone> Milestones => _milestones;

    internal static ConsultedCommitment Of(Commitment commitment)
    {
        var record = new ConsultedCommitment { Commitment = commitment };
        record.Take(commitment);
        return record;
    }

    /// <summary>Whether this was taken from <paramref name="commitment"/> (saved or not yet).</summary>
    internal bool IsOf(Commitment commitment) =>
        ReferenceEquals(Commitment, commitment) || (commitment.Id != 0 && CommitmentId == commitment.Id);

    /// <summary>Takes the draft's words and milestones again (it changed while the consultation was open).</summary>
    internal void Take(Commitment commitment)
    {
        Position = commitment.Position;
        Identifier = commitment.Identifier;
        Title = commitment.Title;
        Problem = commitment.Problem;
        Description = commitment.Description;
        Solution = commitment.Solution;
        LeadInstitution = commitment.LeadInstitution;
        SupportingInstitutions = commitment.SupportingInstitutions;
        StartDate = commitment.StartDate;
        EndDate = commitment.EndDate;
        _milestones.Clear();
        _milestones.AddRange(commitment.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Title, StringComparer.Ordinal)
            .Select((m, i) => new ConsultedMilestone(m.Title, m.DueDate, i)));
    }
}

/// <summary>A milestone of a draft commitment as it was put to consultation.</summary>
public class ConsultedMilestone
{
    internal ConsultedMilestone(string title, DateOnly dueDate, int position)
    {
        Title = title;
        DueDate = dueDate;
        Position = position;
    }

    private ConsultedMilestone()
    {
    }

    public int Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateOnly DueDate { get; private set; }

    public int Position { get; private set; }
}
