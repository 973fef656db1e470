using System.Globalization;

namespace OgpPortal.Web.Shared.Search;

/// <summary>Counts per value of an enum, in arrays indexed by the value: the search's facets and the statistics.</summary>
internal static class EnumCounts
{
    /// <summary>One slot per value of the enum, indexed by the value (ChallengeArea starts at 1).</summary>
    public static int[] Slots<T>()
        where T : struct, Enum => new int[Enum.GetValues<T>().Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];

    /// <summary>Counts one for each value whose bit is set in <paramref name="bits"/>.</summary>
    public static void AddBits(int[] counts, int bits)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if ((bits & (1 << i)) != 0)
            {
                counts[i]++;
            }
        }
    }
}
