using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.Public.Consultations;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Members;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Members;

public sealed record MemberFilter(MemberKind? Kind, Region? Region);

public sealed record MemberListRow(string Code, string Name, MemberKind Kind, Region Region, string? Country, int JoinedYear, int PublishedPlans);

public sealed record MemberListViewModel(MemberFilter Filter, Page<MemberListRow> Members);

public sealed record MemberProfileViewModel(
    int Id,
    string Code,
    string Name,
    MemberKind Kind,
    Region Region,
    string? Country,
    int JoinedYear,
    MemberStatus Status,
    string? Website,
    IReadOnlyList<PlanRow> Plans)
{
    /// <summary>Its plans in public consultation now (a draft's only public face).</summary>
    public IReadOnlyList<ConsultationRow> OpenConsultations { get; init; } = [];
}

/// <summary>The public member list and member profiles: every member, and only their published plans.</summary>
public sealed class MembersQuery(PortalDbContext db) : IFeatureService
{
    public async Task<MemberListViewModel> ListAsync(MemberFilter filter, int page, CancellationToken cancellationToken)
    {
        var members = db.Members.AsNoTracking().OfKindAndRegion(filter.Kind, filter.Region);
        var rows = await members
            .OrderBy(m => m.Name)
            .Select(m => new MemberListRow(
                m.Code,
                m.Name,
                m.Kind,
                m.Region,
                m.Country,
                m.JoinedYear,
                m.ActionPlans.AsQueryable().Count(PlanQueries.IsPublic)))
            .ToPageAsync(page, Paging.DefaultSize, cancellationToken);
        return new MemberListViewModel(filter, rows);
    }

    public async Task<MemberProfileViewModel?> ProfileAsync(string code, CancellationToken cancellationToken)
    {
        var key = code.ToUpperInvariant();
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Code == key)
            .Select(m => new { m.Id, m.Code, m.Name, m.Kind, m.Region, m.Country, m.JoinedYear, m.Status, m.Website })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var plans = await db.ActionPlans.AsNoTracking()
            .WherePublic()
            .Where(p => p.MemberId == member.Id)
            .OrderByDescending(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        return new MemberProfileViewModel(member.Id, member.Code, member.Name, member.Kind, member.Region, member.Country, member.JoinedYear, member.Status, member.Website, plans);
    }
}
