using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.SupportUnit.People;

public sealed record PeopleFilter(string? Q, PortalRole? Role);

public sealed record PersonRow(string Id, string DisplayName, string Email, string? Role, bool Invited, bool Deactivated, bool TwoFactor, int Links);

public sealed record PeopleViewModel(PeopleFilter Filter, Page<PersonRow> People);

public sealed record MemberLinkRow(int MemberId, string Code, string Name, string? Institution, string? Phone);

public sealed record AssignmentRow(int PlanId, string MemberName, int Number, string Title, DateTime AssignedAt);

public sealed record PersonViewModel(
    string Id,
    string DisplayName,
    string Email,
    PortalRole? Role,
    bool Invited,
    DateTime? DeactivatedAt,
    bool TwoFactor,
    DateTime CreatedAt,
    IReadOnlyList<MemberLinkRow> Members,
    IReadOnlyList<AssignmentRow> Plans,
    IReadOnlyList<SelectListItem> MemberOptions)
{
    public LinkMemberForm LinkForm { get; init; } = new();

    public AssignPlanForm AssignForm { get; init; } = new();

    public RoleForm RoleForm { get; init; } = new() { Role = Role };
}

/// <summary>The people screens' reads: accounts with their role, state and links, projected in one query each.</summary>
public sealed class PeopleQuery(PortalDbContext db) : IFeatureService
{
    public async Task<PeopleViewModel> ListAsync(PeopleFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            users = users.Where(Like.AnyContains<Infrastructure.Identity.ApplicationUser>(filter.Q, u => u.DisplayName, u => u.Email));
        }

        if (filter.Role is { } role)
        {
            var roleName = role.ToString();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleName)));
        }

        var rows = await users
            .OrderBy(u => u.DisplayName)
            .Select(u => new PersonRow(
                u.Id,
                u.DisplayName,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.PasswordHash == null,
                u.DeactivatedAt != null,
                u.TwoFactorEnabled,
                db.MemberPointsOfContact.Count(l => l.UserId == u.Id) + db.ResearcherAssignments.Count(a => a.UserId == u.Id)))
            .ToPageAsync(page, Paging.DefaultSize, cancellationToken);
        return new PeopleViewModel(filter, rows);
    }

    public async Task<PersonViewModel?> PersonAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                Invited = u.PasswordHash == null,
                u.DeactivatedAt,
                u.TwoFactorEnabled,
                u.CreatedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var members = await db.MemberPointsOfContact.AsNoTracking()
            .Where(l => l.UserId == id)
            .OrderBy(l => l.Member.Name)
            .Select(l => new MemberLinkRow(l.MemberId, l.Member.Code, l.Member.Name, l.Institution, l.Phone))
            .ToListAsync(cancellationToken);
        var plans = await db.ResearcherAssignments.AsNoTracking()
            .Where(a => a.UserId == id)
            .OrderBy(a => a.ActionPlan.Member.Name).ThenBy(a => a.ActionPlan.Number)
            .Select(a => new AssignmentRow(a.ActionPlanId, a.ActionPlan.Member.Name, a.ActionPlan.Number, a.ActionPlan.Title, a.AssignedAt))
            .ToListAsync(cancellationToken);
        return new PersonViewModel(
            user.Id,
            user.DisplayName,
            user.Email!,
            Enum.TryParse<PortalRole>(user.Role, out var role) ? role : null,
            user.Invited,
            user.DeactivatedAt,
            user.TwoFactorEnabled,
            user.CreatedAt,
            members,
            plans,
            await MemberOptionsAsync(cancellationToken));
    }

    /// <summary>Every member that is not archived, as select options by code.</summary>
    public async Task<IReadOnlyList<SelectListItem>> MemberOptionsAsync(CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking()
            .Where(m => m.ArchivedAt == null)
            .OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name + " (" + m.Code + ")", m.Code))
            .ToListAsync(cancellationToken);
}
