using OgpPortal.Domain.ActionPlans;

namespace OgpPortal.Domain.Access;

/// <summary>Assigns an IRM researcher's account to an action plan they assess.</summary>
public class ResearcherAssignment
{
    public int ActionPlanId { get; set; }

    public ActionPlan ActionPlan { get; set; } = null!;

    /// <summary>The Identity user's id.</summary>
    public string UserId { get; set; } = string.Empty;

    public DateTime AssignedAt { get; set; }
}
