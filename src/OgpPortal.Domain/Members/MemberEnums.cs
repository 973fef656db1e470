using System.ComponentModel.DataAnnotations;

namespace OgpPortal.Domain.Members;

public enum MemberKind
{
    National,

    [Display(Name = "Local")]
    Local,

    /// <summary>Local pilots before 2020, as OGP's public data calls them.</summary>
    [Display(Name = "Legacy Local")]
    LegacyLocal,

    /// <summary>Neither national nor local in OGP's data (e.g. Kosovo).</summary>
    Other,
}

/// <summary>OGP's four regions.</summary>
public enum Region
{
    [Display(Name = "Africa and the Middle East")]
    AfricaAndTheMiddleEast,

    [Display(Name = "Americas")]
    Americas,

    [Display(Name = "Asia and the Pacific")]
    AsiaAndThePacific,

    [Display(Name = "Europe")]
    Europe,
}

public enum MemberStatus
{
    Active,

    Inactive,

    /// <summary>"Acting contrary to process".</summary>
    [Display(Name = "Under procedural review")]
    UnderProceduralReview,

    Withdrawn,
}

/// <summary>A member's cohort: the years in which its action plans are due (31 August).</summary>
public enum Cohort
{
    [Display(Name = "Even years")]
    EvenYears,

    [Display(Name = "Odd years")]
    OddYears,
}
