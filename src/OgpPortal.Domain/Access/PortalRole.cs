using System.ComponentModel.DataAnnotations;

namespace OgpPortal.Domain.Access;

/// <summary>The three kinds of signed-in user. The public needs no account.</summary>
public enum PortalRole
{
    /// <summary>OGP staff: registry, review and publication.</summary>
    [Display(Name = "Support Unit")]
    SupportUnit,

    /// <summary>Independent Reporting Mechanism researchers: assessments and reports.</summary>
    [Display(Name = "IRM researcher")]
    IrmResearcher,

    /// <summary>A member government's point of contact: drafts commitments, reports progress.</summary>
    [Display(Name = "Point of contact")]
    PointOfContact,
}
