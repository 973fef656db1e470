using System.ComponentModel.DataAnnotations;

namespace OgpPortal.Domain.Commitments;

/// <summary>Where a commitment stands in the Support Unit's review.</summary>
public enum CommitmentReviewStatus
{
    Draft,

    Submitted,

    /// <summary>Returned to the point of contact with a reason, to be revised and resubmitted.</summary>
    [Display(Name = "Returned")]
    Returned,

    Accepted,
}

public enum MilestoneStatus
{
    [Display(Name = "Not started")]
    NotStarted,

    [Display(Name = "In progress")]
    InProgress,

    Complete,
}

/// <summary>
/// Relevance to OGP values. Technology and innovation counts only alongside one of the other three.
/// </summary>
[Flags]
public enum OgpValues
{
    None = 0,

    [Display(Name = "Access to information")]
    AccessToInformation = 1,

    [Display(Name = "Civic participation")]
    CivicParticipation = 2,

    [Display(Name = "Public accountability")]
    PublicAccountability = 4,

    [Display(Name = "Technology and innovation for transparency and accountability")]
    TechnologyAndInnovation = 8,
}

/// <summary>The ten areas of the Open Gov Challenge (2023–2028).</summary>
public enum ChallengeArea
{
    [Display(Name = "Access to Information")]
    AccessToInformation = 1,

    [Display(Name = "Anti-Corruption")]
    AntiCorruption,

    [Display(Name = "Civic Space")]
    CivicSpace,

    [Display(Name = "Climate and Environment")]
    ClimateAndEnvironment,

    [Display(Name = "Digital Governance")]
    DigitalGovernance,

    [Display(Name = "Fiscal Openness")]
    FiscalOpenness,

    [Display(Name = "Gender and Inclusion")]
    GenderAndInclusion,

    [Display(Name = "Justice")]
    Justice,

    [Display(Name = "Media Freedom")]
    MediaFreedom,

    [Display(Name = "Public Participation")]
    PublicParticipation,
}

public static class OgpValuesRules
{
    private const OgpValues Core = OgpValues.AccessToInformation | OgpValues.CivicParticipation | OgpValues.PublicAccountability;

    /// <summary>Returns why a set of values is not acceptable, or null when it is.</summary>
    public static string? Problem(OgpValues values) =>
        values.HasFlag(OgpValues.TechnologyAndInnovation) && (values & Core) == OgpValues.None
            ? "Technology and innovation counts only alongside access to information, civic participation or public accountability."
            : null;
}
