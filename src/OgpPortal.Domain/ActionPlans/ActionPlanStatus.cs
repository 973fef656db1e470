using System.ComponentModel.DataAnnotations;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.ActionPlans;

public enum ActionPlanStatus
{
    Draft,

    [Display(Name = "In consultation")]
    InConsultation,

    Submitted,

    Published,

    Closed,
}

public static class ActionPlanStatusText
{
    /// <summary>The status as people read it ("In consultation", not "InConsultation").</summary>
    public static string Label(this ActionPlanStatus status) => EnumDisplay.Name(status);
}
