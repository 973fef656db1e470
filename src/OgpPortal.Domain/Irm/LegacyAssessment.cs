using OgpPortal.Domain.Commitments;

namespace OgpPortal.Domain.Irm;

/// <summary>
/// The IRM's assessment of a commitment with the legacy indicators (plans before the 2020/2021 reforms,
/// and OGP's historical data). Stored and shown as such: never mapped onto the current scales.
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

    public bool IsStarred => Starred.Rule(Specificity, Relevance, PotentialImpact, CompletionAtEndOfTerm ?? CompletionAtProgressReport);

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
