using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Challenge;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Shared.OpenData;

/// <summary>
/// The public records, read-only and untracked, each filtered to what the public may see before it is
/// projected: plans through <c>WherePublic()</c>, IRM findings through <see cref="PublicFindings"/>,
/// Challenge entries through <see cref="ChallengeQueries.WherePublic"/>. The downloads and the API both read here.
/// </summary>
public sealed class PublicData(PortalDbContext db, PublicFindings findings) : IFeatureService
{
    public static readonly Expression<Func<Member, MemberRecord>> ToMember = m => new MemberRecord
    {
        Id = m.Id,
        Code = m.Code,
        Name = m.Name,
        Kind = m.Kind,
        Region = m.Region,
        Country = m.Country,
        JoinedYear = m.JoinedYear,
        Cohort = m.Cohort,
        Status = m.Status,
        Website = m.Website,
    };

    public static readonly Expression<Func<ActionPlan, ActionPlanRecord>> ToActionPlan = p => new ActionPlanRecord
    {
        Id = p.Id,
        MemberId = p.MemberId,
        MemberCode = p.Member.Code,
        MemberName = p.Member.Name,
        Number = p.Number,
        Title = p.Title,
        PeriodStart = p.PeriodStart,
        PeriodEnd = p.PeriodEnd,
        Status = p.Status,
        PublishedAt = p.PublishedAt,
        ClosedAt = p.ClosedAt,
        CommitmentCount = p.Commitments.Count,
    };

    public static readonly Expression<Func<Commitment, CommitmentRecord>> ToCommitment = c => new CommitmentRecord
    {
        Id = c.Id,
        Identifier = c.Identifier,
        ActionPlanId = c.ActionPlanId,
        PlanNumber = c.ActionPlan.Number,
        MemberCode = c.ActionPlan.Member.Code,
        MemberName = c.ActionPlan.Member.Name,
        Region = c.ActionPlan.Member.Region,
        Title = c.Title,
        ShortTitle = c.ShortTitle,
        Theme = c.Theme,
        Problem = c.Problem,
        Description = c.Description,
        Solution = c.Solution,
        LeadInstitution = c.LeadInstitution,
        SupportingInstitutions = c.SupportingInstitutions,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        Values = c.Values,
        ChallengeArea = c.ChallengeArea,
        PolicyAreas = c.PolicyAreas.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
        MilestoneCount = c.Milestones.Count,
        ProgressPercent = Progress.Percent(
            c.Milestones.Where(m => m.Status == MilestoneStatus.Complete).Sum(m => m.Weight),
            c.Milestones.Sum(m => m.Weight)),
    };

    public static readonly Expression<Func<Milestone, MilestoneRecord>> ToMilestone = m => new MilestoneRecord
    {
        Id = m.Id,
        CommitmentId = m.CommitmentId,
        CommitmentIdentifier = m.Commitment.Identifier,
        Title = m.Title,
        DueDate = m.DueDate,
        Weight = m.Weight,
        Status = m.Status,
        EvidenceUrl = m.EvidenceUrl,
        EvidenceFiles = m.EvidenceFiles.OrderBy(f => f.Id).Select(f => "/evidence/" + f.Id.ToString()).ToList(),
    };

    public static readonly Expression<Func<ChallengeEntry, ChallengeEntryRecord>> ToChallengeEntry = e => new ChallengeEntryRecord
    {
        Id = e.Id,
        MemberCode = e.Member.Code,
        MemberName = e.Member.Name,
        Title = e.Title,
        Description = e.Description,
        Area = e.Area,
        Participation = e.Participation,
        Level = e.Level,
        LocalityName = e.LocalityName,
        LeadInstitution = e.LeadInstitution,
        Values = e.Values,

        // A linked commitment of a plan that is not public yet is not named (as on /challenge/{id}).
        CommitmentIdentifier = e.Commitment != null && (e.Commitment.ActionPlan.Status == ActionPlanStatus.Published || e.Commitment.ActionPlan.Status == ActionPlanStatus.Closed)
            ? e.Commitment.Identifier
            : null,
        Promising = e.Promising,
        PromisingReason = e.PromisingReason,
        AcceptedAt = e.AcceptedAt,
    };

    /// <summary>All members: the registry is public, its public fields only.</summary>
    public IQueryable<Member> Members() => db.Members.AsNoTracking();

    public IQueryable<ActionPlan> ActionPlans() => db.ActionPlans.AsNoTracking().WherePublic();

    public IQueryable<Commitment> Commitments() => db.Commitments.AsNoTracking().WherePublic();

    public IQueryable<Milestone> Milestones() =>
        db.Milestones.AsNoTracking().Where(m => m.Commitment.ActionPlan.Status == ActionPlanStatus.Published || m.Commitment.ActionPlan.Status == ActionPlanStatus.Closed);

    public IQueryable<ChallengeEntry> ChallengeEntries() => db.ChallengeEntries.AsNoTracking().WherePublic();

    public IQueryable<MemberRecord> MemberRecords() => Members().OrderBy(m => m.Name).ThenBy(m => m.Id).Select(ToMember);

    public IQueryable<ActionPlanRecord> ActionPlanRecords() => ActionPlans().OrderBy(p => p.Member.Name).ThenBy(p => p.Number).ThenBy(p => p.Id).Select(ToActionPlan);

    public IQueryable<CommitmentRecord> CommitmentRecords() => Commitments().OrderBy(c => c.Identifier).ThenBy(c => c.Id).Select(ToCommitment);

    /// <summary>
    /// The public commitments with these ids, in the ids' order (a search's page or a chunk of its download); an id
    /// that is no longer public is left out. Split: as one query SQLite materialised every commitment's policy areas
    /// (103,000 links at 60,000) to join a page's.
    /// </summary>
    public async Task<List<CommitmentRecord>> CommitmentRecordsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var records = await Commitments().AsSplitQuery().Where(c => ids.Contains(c.Id)).Select(ToCommitment).ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. ids.Where(records.ContainsKey).Select(id => records[id])];
    }

    /// <summary>One public plan's commitments, in the plan's order: the plan's own file.</summary>
    public IQueryable<CommitmentRecord> CommitmentRecordsOfPlan(int planId) =>
        Commitments().Where(c => c.ActionPlanId == planId).OrderBy(c => c.Position).ThenBy(c => c.Id).Select(ToCommitment);

    /// <summary>One public plan's milestones, by commitment in the plan's order, then due date.</summary>
    public IQueryable<MilestoneRecord> MilestoneRecordsOfPlan(int planId) =>
        Milestones().Where(m => m.Commitment.ActionPlanId == planId).OrderBy(m => m.Commitment.Position).ThenBy(m => m.DueDate).ThenBy(m => m.Id).Select(ToMilestone);

    public IQueryable<MilestoneRecord> MilestoneRecords() => Milestones().OrderBy(m => m.Commitment.Identifier).ThenBy(m => m.DueDate).ThenBy(m => m.Id).Select(ToMilestone);

    public IQueryable<ChallengeEntryRecord> ChallengeEntryRecords() => ChallengeEntries().OrderByDescending(e => e.AcceptedAt).ThenBy(e => e.Id).Select(ToChallengeEntry);

    /// <summary>Assessments in published IRM reports on public plans, never a draft's or a pre-publication's.</summary>
    public IQueryable<AssessmentRecord> AssessmentRecords(Expression<Func<Domain.Irm.CommitmentAssessment, bool>>? where = null) =>
        (where is null ? db.CommitmentAssessments.AsNoTracking() : db.CommitmentAssessments.AsNoTracking().Where(where))
            .Join(findings.PublishedReports(), a => a.ReportId, r => r.Id, (a, r) => new { a, r })
            .OrderBy(x => x.a.Commitment.Identifier).ThenBy(x => x.r.PublishedOn).ThenBy(x => x.a.Id)
            .Select(x => new AssessmentRecord
            {
                Id = x.a.Id,
                ReportId = x.r.Id,
                ReportType = x.r.Type,
                ReportPublishedOn = x.r.PublishedOn,
                ReportRevision = x.r.Revision,
                CommitmentId = x.a.CommitmentId,
                CommitmentIdentifier = x.a.Commitment.Identifier,
                MemberCode = x.r.ActionPlan.Member.Code,
                PlanNumber = x.r.ActionPlan.Number,
                Verifiable = x.a.Verifiable,
                Relevance = x.a.Relevance,
                PotentialForResults = x.a.Potential,
                Promising = x.a.Promising,
                PromisingReason = x.a.PromisingReason,
                Cluster = x.a.Cluster,
                Completion = x.a.Completion,
                EarlyResults = x.a.EarlyResults,
                Narrative = x.a.Narrative,
            });
}
