namespace OgpPortal.Domain.Commitments;

/// <summary>
/// How far implementation has come, derived from the data, never typed in: a commitment's progress is
/// the weighted share of its milestones that are complete; a plan's is the mean of its commitments'.
/// </summary>
public static class Progress
{
    /// <summary>Whole percent of the milestone weight that is complete (0 when there are no milestones).</summary>
    public static int Percent(int completedWeight, int totalWeight) =>
        totalWeight <= 0 ? 0 : (int)Math.Round(100.0 * completedWeight / totalWeight, MidpointRounding.AwayFromZero);

    public static int OfCommitment(IEnumerable<Milestone> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var list = milestones.ToList();
        return Percent(list.Where(m => m.Status == MilestoneStatus.Complete).Sum(m => m.Weight), list.Sum(m => m.Weight));
    }

    /// <summary>The mean of the commitments' progress (0 for a plan without commitments).</summary>
    public static int OfPlan(IEnumerable<int> commitmentPercents)
    {
        ArgumentNullException.ThrowIfNull(commitmentPercents);
        var list = commitmentPercents.ToList();
        return list.Count == 0 ? 0 : (int)Math.Round(list.Average(), MidpointRounding.AwayFromZero);
    }
}
