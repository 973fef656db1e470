using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>
/// What an import works against: the members, and the plans, commitments and assessments of the members
/// the file names, loaded (tracked) in a few queries and looked up by OGP's keys while the rows are applied.
/// </summary>
internal sealed class ImportState
{
    private readonly Dictionary<string, int> _firstYear = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastNumber = new(StringComparer.Ordinal);

    public Dictionary<string, Member> MemberByCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Member> MemberByDataCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Member> MemberByName { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members whose registry details this file has already compared (the first row of a member counts).</summary>
    public HashSet<Member> MembersSeen { get; } = [];

    public Dictionary<string, ActionPlan> PlanByOgpId { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<(Member Member, int Number), ActionPlan> PlanByNumber { get; } = [];

    /// <summary>The first row of the file that named each plan, and what it said.</summary>
    public Dictionary<ActionPlan, (int Line, PlanCells Cells)> PlanCellsSeen { get; } = [];

    public Dictionary<string, Commitment> CommitmentByIdentifier { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, LegacyAssessment> AssessmentByCommitment { get; } = [];

    public static async Task<ImportState> LoadAsync(PortalDbContext db, IReadOnlyList<OgpRow> rows, CancellationToken cancellationToken)
    {
        var state = new ImportState();
        foreach (var member in await db.Members.ToListAsync(cancellationToken))
        {
            state.Add(member);
        }

        foreach (var row in rows.Where(r => r.Rejection is null && r.Member?.Code is not null && r.Plan is not null))
        {
            var code = row.Member!.Code!;
            state._firstYear[code] = Math.Min(state._firstYear.GetValueOrDefault(code, int.MaxValue), row.Plan!.SubmissionYear);
        }

        var named = rows.Where(r => r.Member is not null)
            .Select(r => r.Member!.Code is { } code ? state.MemberByCode.GetValueOrDefault(code) : state.MemberByName.GetValueOrDefault(OgpDataImporter.CurrentName(r.Member.Name)))
            .OfType<Member>()
            .Select(m => m.Id)
            .ToHashSet();
        var ogpIds = rows.Select(r => r.Plan?.OgpId).OfType<string>().Distinct().ToList();
        var plans = await db.ActionPlans
            .Include(p => p.Commitments).ThenInclude(c => c.PolicyAreas)
            .Where(p => named.Contains(p.MemberId) || (p.OgpId != null && ogpIds.Contains(p.OgpId)))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            state.Add(plan);
            foreach (var commitment in plan.Commitments)
            {
                state.CommitmentByIdentifier[commitment.Identifier] = commitment;
                state.Count(commitment.Identifier);
            }
        }

        var assessments = await db.LegacyAssessments
            .Where(a => db.Commitments.Any(c => c.Id == a.CommitmentId && (named.Contains(c.ActionPlan.MemberId) || (c.ActionPlan.OgpId != null && ogpIds.Contains(c.ActionPlan.OgpId)))))
            .ToListAsync(cancellationToken);
        foreach (var assessment in assessments)
        {
            state.AssessmentByCommitment[assessment.CommitmentId] = assessment;
        }

        return state;
    }

    public void Add(Member member)
    {
        MemberByCode[member.Code] = member;
        MemberByName[member.Name] = member;
        if (member.DataCode is not null)
        {
            MemberByDataCode[member.DataCode] = member;
        }
    }

    public void Rename(Member member, string name)
    {
        MemberByName.Remove(member.Name);
        if (member.DataCode is not null)
        {
            MemberByDataCode.Remove(member.DataCode);
        }

        member.Name = name;
    }

    public void Add(ActionPlan plan)
    {
        if (plan.OgpId is not null)
        {
            PlanByOgpId[plan.OgpId] = plan;
        }

        PlanByNumber[(plan.Member, plan.Number)] = plan;
    }

    /// <summary>The year a new member is taken to have joined: its first plan's submission year in the file.</summary>
    public int FirstYear(string code) => _firstYear.GetValueOrDefault(code, Member.FirstJoinedYear);

    /// <summary>The next free identifier of a member (the IRM explorer layout has none of its own).</summary>
    public string NextIdentifier(Member member)
    {
        var number = _lastNumber.GetValueOrDefault(member.Code) + 1;
        var identifier = CommitmentIdentifier.Create(member.Code, number);
        _lastNumber[member.Code] = number;
        return identifier;
    }

    private void Count(string identifier)
    {
        var code = identifier[..^4];
        _lastNumber[code] = Math.Max(_lastNumber.GetValueOrDefault(code), CommitmentIdentifier.NumberOf(identifier));
    }
}
