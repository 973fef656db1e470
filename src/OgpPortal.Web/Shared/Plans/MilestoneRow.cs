using System.Linq.Expressions;
using OgpPortal.Domain.Commitments;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>A milestone as shown in lists and on commitment pages.</summary>
public sealed record MilestoneRow(string Title, DateOnly DueDate, MilestoneStatus Status, int Weight, string? EvidenceUrl)
{
    /// <summary>The one projection every page uses: <c>c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection)</c>.</summary>
    public static readonly Expression<Func<Milestone, MilestoneRow>> Projection = m => new MilestoneRow(m.Title, m.DueDate, m.Status, m.Weight, m.EvidenceUrl);
}

public static class MilestoneRows
{
    /// <summary>The commitment's progress from its milestones, by the domain's one rule.</summary>
    public static int ProgressPercent(this IReadOnlyCollection<MilestoneRow> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        return Progress.Percent(milestones.Where(m => m.Status == MilestoneStatus.Complete).Sum(m => m.Weight), milestones.Sum(m => m.Weight));
    }
}
