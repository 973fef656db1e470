using System.Linq.Expressions;
using OgpPortal.Domain.Commitments;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>A milestone as shown in lists and on commitment pages.</summary>
public sealed record MilestoneRow(string Title, DateOnly DueDate, MilestoneStatus Status, int Weight, string? EvidenceUrl, IReadOnlyList<EvidenceFileRow> EvidenceFiles)
{
    /// <summary>The one projection every page uses: <c>c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection)</c>.</summary>
    public static readonly Expression<Func<Milestone, MilestoneRow>> Projection = m => new MilestoneRow(
        m.Title,
        m.DueDate,
        m.Status,
        m.Weight,
        m.EvidenceUrl,
        m.EvidenceFiles.OrderBy(f => f.Id).Select(f => new EvidenceFileRow(f.Id, f.FileName, f.Length)).ToList());
}

/// <summary>A file attached as evidence, described without its bytes.</summary>
public sealed record EvidenceFileRow(int Id, string FileName, long Length)
{
    /// <summary>Where the file is downloaded; the name in the address is for people, the id finds the file.</summary>
    public string Url => EvidenceFileAddress.Of(Id, FileName);
}

public static class EvidenceFileAddress
{
    public static string Of(int id, string fileName) => $"/evidence/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(fileName)}";
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
