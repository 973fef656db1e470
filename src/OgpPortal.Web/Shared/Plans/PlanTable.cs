using OgpPortal.Domain.ActionPlans;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>The model of the shared <c>_PlanTable</c> partial.</summary>
public sealed record PlanTable(IReadOnlyList<PlanRow> Rows, string Caption, string EmptyText);

public static class StatusBadge
{
    public static string For(ActionPlanStatus status) => status switch
    {
        ActionPlanStatus.Draft => "secondary",
        ActionPlanStatus.InConsultation => "info",
        ActionPlanStatus.Submitted => "warning",
        ActionPlanStatus.Published => "success",
        _ => "dark",
    };
}
