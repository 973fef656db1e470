using OgpPortal.Domain.ActionPlans;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>The model of the shared <c>_PlanTable</c> partial.</summary>
public sealed record PlanTable(IReadOnlyList<PlanRow> Rows, string Caption, string EmptyText, Func<PlanRow, string>? LinkTo = null)
{
    /// <summary>Links each plan to its public page; for lists of published plans only.</summary>
    public static string PublicPage(PlanRow plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"/action-plans/{plan.Id}";
    }
}

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

/// <summary>The model of the shared <c>_Progress</c> partial.</summary>
public sealed record ProgressBar(int Percent, string Label);
