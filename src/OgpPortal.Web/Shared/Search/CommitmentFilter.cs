using System.Globalization;

namespace OgpPortal.Web.Shared.Search;

/// <summary>
/// The criteria as tests on the index: what each criterion means, in one place (issue 21), for the search,
/// the API, the downloads and the statistics. Bit <c>i</c> of <see cref="Failures"/> is set when the commitment
/// fails criterion <c>i</c> of <see cref="Keys"/>; the plan-level criteria (the first four and the year) are
/// tested on a plan or on a commitment by its plan with the same code (<see cref="PlanFailures"/>).
/// </summary>
internal sealed class CommitmentFilter
{
    public static readonly string[] Keys = ["member", "region", "kind", "status", "policy", "challenge", "year", "completion", "potential", "promising", "starred"];

    private readonly bool[]? _members;
    private readonly int _regions;
    private readonly int _kinds;
    private readonly int _statuses;
    private readonly HashSet<int>? _policies;
    private readonly int _challenges;
    private readonly IReadOnlyList<int> _years;
    private readonly int _completions;
    private readonly int _potentials;
    private readonly bool _promising;
    private readonly bool _starred;

    public CommitmentFilter(CommitmentIndexSnapshot snapshot, CommitmentSearchCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Members.Count > 0)
        {
            _members = new bool[snapshot.Members.Count];
            for (var i = 0; i < snapshot.Members.Count; i++)
            {
                _members[i] = criteria.Members.Contains(snapshot.Members[i].Code.ToUpperInvariant());
            }
        }

        _regions = Mask(criteria.Regions);
        _kinds = Mask(criteria.Kinds);
        _statuses = Mask(criteria.PlanStatuses);
        _policies = criteria.Policies.Count > 0 ? [.. criteria.Policies] : null;
        _challenges = Mask(criteria.Challenges);
        _years = criteria.Years;
        _completions = Mask(criteria.Completions);
        _potentials = Mask(criteria.Potentials);
        _promising = criteria.Promising;
        _starred = criteria.Starred;
    }

    /// <summary>The criteria the commitment fails, as bits of <see cref="Keys"/> (0: it matches).</summary>
    public int Failures(in IndexedCommitment c)
    {
        var failures = PlanFailures(c);
        if (_policies is not null && !AnyOf(c.Policies, _policies))
        {
            failures |= 1 << 4;
        }

        if (_challenges != 0 && (c.Challenge is not { } area || (_challenges & (1 << (int)area)) == 0))
        {
            failures |= 1 << 5;
        }

        if (_completions != 0 && (c.Completions & _completions) == 0)
        {
            failures |= 1 << 7;
        }

        if (_potentials != 0 && (c.Potentials & _potentials) == 0)
        {
            failures |= 1 << 8;
        }

        if (_promising && !c.Promising)
        {
            failures |= 1 << 9;
        }

        if (_starred && !c.Starred)
        {
            failures |= 1 << 10;
        }

        return failures;
    }

    /// <summary>The plan-level criteria (member, region, kind, plan status, year) the plan fails, as bits of <see cref="Keys"/>.</summary>
    public int PlanFailures<T>(in T plan)
        where T : struct, IPlanFacts
    {
        var failures = 0;
        if (_members is not null && !_members[plan.Member])
        {
            failures |= 1 << 0;
        }

        if (_regions != 0 && (_regions & (1 << (int)plan.Region)) == 0)
        {
            failures |= 1 << 1;
        }

        if (_kinds != 0 && (_kinds & (1 << (int)plan.Kind)) == 0)
        {
            failures |= 1 << 2;
        }

        if (_statuses != 0 && (_statuses & (1 << (int)plan.Status)) == 0)
        {
            failures |= 1 << 3;
        }

        if (_years.Count > 0 && !InPeriod(plan.StartYear, plan.EndYear, _years))
        {
            failures |= 1 << 6;
        }

        return failures;
    }

    private static bool AnyOf(int[] areas, HashSet<int> chosen)
    {
        foreach (var area in areas)
        {
            if (chosen.Contains(area))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A year criterion: any of the years falls in the plan's period.</summary>
    private static bool InPeriod(int start, int end, IReadOnlyList<int> years)
    {
        foreach (var year in years)
        {
            if (year >= start && year <= end)
            {
                return true;
            }
        }

        return false;
    }

    private static int Mask<T>(IEnumerable<T> values)
        where T : struct, Enum => values.Aggregate(0, (mask, v) => mask | (1 << Convert.ToInt32(v, CultureInfo.InvariantCulture)));
}
