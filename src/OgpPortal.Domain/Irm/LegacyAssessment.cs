using OgpPortal.Domain.Commitments;

namespace OgpPortal.Domain.Irm;

/// <summary>
/// The IRM's assessment of a commitment as OGP's historical data records it: the legacy indicators (plans
/// before the 2020/2021 reforms) and, for later plans, the current generation's values as the export holds
/// them. Stored and shown as such: never mapped onto the current scales.
/// </summary>
public class LegacyAssessment
{
    public int Id { get; private set; }

    public int CommitmentId { get; private set; }

    public Specificity? Specificity { get; private set; }

    /// <summary>The OGP values the IRM found the commitment relevant to.</summary>
    public OgpValues Relevance { get; private set; }

    public PotentialImpact? PotentialImpact { get; private set; }

    public LegacyCompletion? CompletionAtProgressReport { get; private set; }

    public LegacyCompletion? CompletionAtEndOfTerm { get; private set; }

    public EarlyResults? DidItOpenGovernment { get; private set; }

    /// <summary>Current generation: verifiable or not (Action Plan Review).</summary>
    public bool? Verifiable { get; private set; }

    /// <summary>Current generation: potential for results (Action Plan Review).</summary>
    public PotentialForResults? PotentialForResults { get; private set; }

    /// <summary>Early results as OGP's data first recorded them (Results Reports, 2021–2022).</summary>
    public RecordedEarlyResults? EarlyResults { get; private set; }

    /// <summary>OGP's own starred flag at the progress report, where its data records one.</summary>
    public bool? StarredAtProgressReport { get; private set; }

    /// <summary>OGP's own starred flag at the end of term, where its data records one.</summary>
    public bool? StarredAtEndOfTerm { get; private set; }

    /// <summary>Which indicators without a value are not reviewed or not applicable (the rest have no data).</summary>
    public NoDataKinds Missing { get; private set; } = NoDataKinds.None;

    /// <summary>
    /// OGP's own flag where its data records one (end of term first); otherwise the starred rule applied to
    /// the values.
    /// </summary>
    public bool IsStarred =>
        StarredAtEndOfTerm ?? StarredAtProgressReport
        ?? Starred.Rule(Specificity, Relevance, PotentialImpact, CompletionAtEndOfTerm ?? CompletionAtProgressReport);

    /// <summary>Everything recorded, as an import reads it.</summary>
    public RecordedIrmValues Recorded => new(
        Specificity, Verifiable, Relevance, PotentialImpact, PotentialForResults, CompletionAtProgressReport, CompletionAtEndOfTerm,
        DidItOpenGovernment, EarlyResults, StarredAtProgressReport, StarredAtEndOfTerm, Missing);

    /// <summary>A new record of what OGP's data says of one commitment (an import).</summary>
    public static LegacyAssessment FromRecord(int commitmentId, RecordedIrmValues values)
    {
        var assessment = new LegacyAssessment { CommitmentId = commitmentId };
        assessment.Restore(values);
        return assessment;
    }

    /// <summary>Replaces the recorded values with a later version of OGP's data.</summary>
    public void Restore(RecordedIrmValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Specificity = values.Specificity;
        Verifiable = values.Verifiable;
        Relevance = values.Relevance;
        PotentialImpact = values.PotentialImpact;
        PotentialForResults = values.PotentialForResults;
        CompletionAtProgressReport = values.CompletionAtProgressReport;
        CompletionAtEndOfTerm = values.CompletionAtEndOfTerm;
        DidItOpenGovernment = values.DidItOpenGovernment;
        EarlyResults = values.EarlyResults;
        StarredAtProgressReport = values.StarredAtProgressReport;
        StarredAtEndOfTerm = values.StarredAtEndOfTerm;
        Missing = values.Missing;
    }

    public static LegacyAssessment For(int commitmentId, Specificity? specificity, OgpValues relevance, PotentialImpact? impact, LegacyCompletion? atProgressReport, LegacyCompletion? atEndOfTerm, EarlyResults? didItOpenGovernment) =>
        new()
        {
            CommitmentId = commitmentId,
            Specificity = specificity,
            Relevance = relevance,
            PotentialImpact = impact,
            CompletionAtProgressReport = atProgressReport,
            CompletionAtEndOfTerm = atEndOfTerm,
            DidItOpenGovernment = didItOpenGovernment,
        };
}

/// <summary>
/// OGP's legacy "starred commitment": specific enough to verify (medium or high specificity), relevant to
/// at least one OGP value, of moderate or transformative potential impact, and substantially or fully
/// completed (at the latest assessment: end of term, else the progress report).
/// </summary>
public static class Starred
{
    public static bool Rule(Specificity? specificity, OgpValues relevance, PotentialImpact? impact, LegacyCompletion? completion) =>
        specificity is Irm.Specificity.Medium or Irm.Specificity.High
        && relevance != OgpValues.None
        && impact is Irm.PotentialImpact.Moderate or Irm.PotentialImpact.Transformative
        && completion is LegacyCompletion.Substantial or LegacyCompletion.Complete;
}
