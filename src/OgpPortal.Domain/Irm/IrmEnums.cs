using System.ComponentModel.DataAnnotations;

namespace OgpPortal.Domain.Irm;

/// <summary>The IRM's products for a plan (current generation, plans from 2020/2021 on).</summary>
public enum ReportType
{
    [Display(Name = "Action Plan Review")]
    ActionPlanReview,

    /// <summary>Four-year plans only.</summary>
    [Display(Name = "Midterm Review")]
    MidtermReview,

    [Display(Name = "Results Report")]
    ResultsReport,
}

public enum ReportStatus
{
    Draft,

    /// <summary>Open for comment by the member's points of contact and the Support Unit.</summary>
    [Display(Name = "Pre-publication")]
    PrePublication,

    Published,
}

public enum PotentialForResults
{
    Unclear,
    Modest,
    Substantial,
}

/// <summary>Completion, current generation.</summary>
public enum Completion
{
    [Display(Name = "No evidence available")]
    NoEvidenceAvailable,

    [Display(Name = "Not started")]
    NotStarted,

    Limited,
    Substantial,
    Complete,
}

/// <summary>Early results: "Did it open government?" (the legacy indicator uses the same scale).</summary>
public enum EarlyResults
{
    Worsened,

    [Display(Name = "Did not change")]
    DidNotChange,

    Marginal,
    Major,
    Outstanding,
}

/// <summary>Legacy indicator (plans before 2020/2021).</summary>
public enum Specificity
{
    None,
    Low,
    Medium,
    High,
}

/// <summary>Legacy indicator (plans before 2020/2021).</summary>
public enum PotentialImpact
{
    None,
    Minor,
    Moderate,
    Transformative,
}

/// <summary>Legacy completion scale (progress report and end of term).</summary>
public enum LegacyCompletion
{
    [Display(Name = "Not started")]
    NotStarted,

    Limited,
    Substantial,
    Complete,
}
