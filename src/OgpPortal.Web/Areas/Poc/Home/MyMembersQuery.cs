using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Poc.Home;

public sealed record MyMember(int Id, string Name, string Code, MemberKind Kind, IReadOnlyList<PlanRow> Plans);

/// <summary>The members a point of contact is linked to, with their action plans; no other member's.</summary>
public sealed class MyMembersQuery(PortalDbContext db) : IFeatureService
{
    public async Task<IReadOnlyList<MyMember>> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var memberIds = db.MemberPointsOfContact.Where(l => l.UserId == userId).Select(l => l.MemberId);
        var members = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Code, m.Kind })
            .ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .OrderByDescending(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        return members
            .Select(m => new MyMember(m.Id, m.Name, m.Code, m.Kind, plans.Where(p => p.MemberId == m.Id).ToList()))
            .ToList();
    }
}
