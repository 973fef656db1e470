using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Irm.Home;

/// <summary>The plans assigned to one IRM researcher, and no others.</summary>
public sealed class AssignedPlansQuery(PortalDbContext db) : IFeatureService
{
    public async Task<IReadOnlyList<PlanRow>> GetAsync(string userId, CancellationToken cancellationToken) =>
        await db.ResearcherAssignments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => a.ActionPlan)
            .OrderBy(p => p.Member.Name).ThenBy(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
}
