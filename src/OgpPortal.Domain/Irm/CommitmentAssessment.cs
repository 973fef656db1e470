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

    /// <summary>Why these values cannot be recorded in a report of this type; null when they can.</summary>
    public string? Problem(ReportType type)
    {
        if ((Relevance & ~(OgpValues.AccessToInformation | OgpValues.CivicParticipation | OgpValues.PublicAccountability | OgpValues.TechnologyAndInnovation)) != 0
            || (Potential is { } p && !Enum.IsDefined(p))
            || (Completion is { } c && !Enum.IsDefined(c))
            || (EarlyResults is { } e && !Enum.IsDefined(e)))
        {
            return "A value is outside its indicator's scale.";
        }

        if (new[] { PromisingReason, Cluster, Narrative }.Any(t => t?.Length > TextLimit))
        {
            return $"A text has at most {TextLimit} characters.";
        }

        return type switch
        {
            ReportType.ActionPlanReview when Verifiable is null => "Say whether the commitment is verifiable.",
            ReportType.ActionPlanReview when Verifiable == false => null,
            ReportType.ActionPlanReview when OgpValuesRules.Problem(Relevance) is { } relevance => relevance,
            ReportType.ActionPlanReview when Potential is null => "Choose the potential for results.",
            ReportType.ActionPlanReview when Promising && string.IsNullOrWhiteSpace(PromisingReason) => "Say why the commitment is promising.",
            ReportType.ResultsReport when Completion is null => "Choose the completion.",
            ReportType.ResultsReport when EarlyResults is null => "Choose the early results (did it open government?).",
            ReportType.MidtermReview when Completion is null => "Choose the completion so far.",
            _ => null,
        };
    }

    /// <summary>
    /// Only what the report type assesses: a commitment that is not verifiable is not reviewable and gets
    /// no further assessment.
    /// </summary>
    public AssessmentValues Normalised(ReportType type) => type switch
    {
        ReportType.ActionPlanReview when Verifiable == false => new AssessmentValues(Verifiable: false, Cluster: Text(Cluster)),
        ReportType.ActionPlanReview => new AssessmentValues(Verifiable, Relevance, Potential, Promising, Promising ? Text(PromisingReason) : null, Text(Cluster)),
        ReportType.ResultsReport => new AssessmentValues(Completion: Completion, EarlyResults: EarlyResults, Narrative: Text(Narrative)),
        _ => new AssessmentValues(Completion: Completion, Narrative: Text(Narrative)),
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

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
