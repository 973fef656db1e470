using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Home;

public sealed record HomeViewModel(int NationalMembers, int LocalMembers, int PublishedPlans, int PublishedCommitments, IReadOnlyList<PlanRow> LatestPlans)
{
    /// <summary>Draft plans taking public comments now; filled by the controller.</summary>
    public IReadOnlyList<Consultations.ConsultationRow> OpenConsultations { get; init; } = [];
}

/// <summary>The public home page: headline figures and the latest published plans. Published data only.</summary>
public sealed class HomeQuery(PortalDbContext db) : IFeatureService
{
    public const int LatestCount = 6;

    public async Task<HomeViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => (m.Status == MemberStatus.Active || m.Status == MemberStatus.UnderProceduralReview) && m.ArchivedAt == null)
            .GroupBy(m => m.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var publicPlans = db.ActionPlans.AsNoTracking().WherePublic();
        var planCount = await publicPlans.CountAsync(cancellationToken);
        var commitmentCount = await publicPlans.SelectMany(p => p.Commitments).CountAsync(cancellationToken);
        var latest = await publicPlans
            .OrderByDescending(p => p.PublishedAt)
            .Take(LatestCount)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);

        return new HomeViewModel(
            members.GetValueOrDefault(MemberKind.National),
            members.GetValueOrDefault(MemberKind.Local),
            planCount,
            commitmentCount,
            latest);
    }
}
