using OgpPortal.Domain.Commitments;

namespace OgpPortal.Domain.Irm;

/// <summary>
/// The values of one assessment, as a researcher enters them. Which indicators apply depends on the
/// report type; <see cref="Problem"/> says what is wrong, <see cref="Normalised"/> drops what does not apply.
/// </summary>
public sealed record AssessmentValues(
    bool? Verifiable = null,
    OgpValues Relevance = OgpValues.None,
    PotentialForResults? Potential = null,
    bool Promising = false,
    string? PromisingReason = null,
    string? Cluster = null,
    Completion? Completion = null,
    EarlyResults? EarlyResults = null,
    string? Narrative = null)
{
    public const int TextLimit = 4_000;

    /// <summary>Why these values cannot be recorded in a report of this type (the first problem); null when they can.</summary>
    public string? Problem(ReportType type) => Problems(type) is [var first, ..] ? first.Message : null;

    /// <summary>
    /// Everything that stops these values being recorded in a report of this type, each naming the value it is about
    /// (a property of this record), in the order the assessment form asks them; empty when they can be recorded.
    /// </summary>
    public IReadOnlyList<AssessmentProblem> Problems(ReportType type)
    {
        var problems = new List<AssessmentProblem>();
        void Add(string field, string message) => problems.Add(new AssessmentProblem(field, message));
        if ((Relevance & ~(OgpValues.AccessToInformation | OgpValues.CivicParticipation | OgpValues.PublicAccountability | OgpValues.TechnologyAndInnovation)) != 0)
        {
            Add(nameof(Relevance), "A value is outside its indicator's scale.");
        }

        foreach (var (field, outside) in new[] { (nameof(Potential), Potential is { } p && !Enum.IsDefined(p)), (nameof(Completion), Completion is { } c && !Enum.IsDefined(c)), (nameof(EarlyResults), EarlyResults is { } e && !Enum.IsDefined(e)) })
        {
            if (outside)
            {
                Add(field, "A value is outside its indicator's scale.");
            }
        }

        foreach (var (field, text) in new[] { (nameof(PromisingReason), PromisingReason), (nameof(Cluster), Cluster), (nameof(Narrative), Narrative) })
        {
            if (text?.Length > TextLimit)
            {
                Add(field, $"A text has at most {TextLimit} characters.");
            }
        }

        switch (type)
        {
            case ReportType.ActionPlanReview when Verifiable is null:
                Add(nameof(Verifiable), "Say whether the commitment is verifiable.");
                break;
            case ReportType.ActionPlanReview when Verifiable == true:
                if (OgpValuesRules.Problem(Relevance) is { } relevance)
                {
                    Add(nameof(Relevance), relevance);
                }

                if (Potential is null)
                {
                    Add(nameof(Potential), "Choose the potential for results.");
                }

                if (Promising && string.IsNullOrWhiteSpace(PromisingReason))
                {
                    Add(nameof(PromisingReason), "Say why the commitment is promising.");
                }

                break;
            case ReportType.ResultsReport:
                if (Completion is null)
                {
                    Add(nameof(Completion), "Choose the completion.");
                }

                if (EarlyResults is null)
                {
                    Add(nameof(EarlyResults), "Choose the early results (did it open government?).");
                }

                break;
            case ReportType.MidtermReview when Completion is null:
                Add(nameof(Completion), "Choose the completion so far.");
                break;
        }

        // A value outside its scale is reported once, before what it would otherwise be missing.
        return problems.DistinctBy(p => p.Field).ToList();
    }

    /// <summary>
    /// Only what the report type assesses: a commitment that is not verifiable is not reviewable and gets
    /// no further assessment beyond the researcher's written analysis (<see cref="Narrative"/>, in every type).
    /// </summary>
    public AssessmentValues Normalised(ReportType type) => type switch
    {
        ReportType.ActionPlanReview when Verifiable == false => new AssessmentValues(Verifiable: false, Cluster: Text(Cluster), Narrative: Text(Narrative)),
        ReportType.ActionPlanReview => new AssessmentValues(Verifiable, Relevance, Potential, Promising, Promising ? Text(PromisingReason) : null, Text(Cluster), Narrative: Text(Narrative)),
        ReportType.ResultsReport => new AssessmentValues(Completion: Completion, EarlyResults: EarlyResults, Narrative: Text(Narrative)),
        _ => new AssessmentValues(Completion: Completion, Narrative: Text(Narrative)),
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What stops an assessment being recorded: the value (<see cref="AssessmentValues"/> property) and why.</summary>
public sealed record AssessmentProblem(string Field, string Message);

/// <summary>The researcher's assessment of one commitment within a report.</summary>
public class CommitmentAssessment
{
    private CommitmentAssessment()
    {
    }

    internal CommitmentAssessment(Commitment commitment)
    {
        Commitment = commitment;
        CommitmentId = commitment.Id;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public int CommitmentId { get; private set; }

    public Commitment Commitment { get; private set; } = null!;

    public bool? Verifiable { get; private set; }

    public OgpValues Relevance { get; private set; }

    public PotentialForResults? Potential { get; private set; }

    public bool Promising { get; private set; }

    public string? PromisingReason { get; private set; }

    public string? Cluster { get; private set; }

    public Completion? Completion { get; private set; }

    public EarlyResults? EarlyResults { get; private set; }

    public string? Narrative { get; private set; }

    internal void Apply(AssessmentValues values)
    {
        Verifiable = values.Verifiable;
        Relevance = values.Relevance;
        Potential = values.Potential;
        Promising = values.Promising;
        PromisingReason = values.PromisingReason;
        Cluster = values.Cluster;
        Completion = values.Completion;
        EarlyResults = values.EarlyResults;
        Narrative = values.Narrative;
    }
}
