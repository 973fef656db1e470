using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Members;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.SupportUnit.Members;

public sealed record RegistryFilter(string? Q, MemberKind? Kind, Region? Region, MemberStatus? Status, Cohort? Cohort, bool Archived);

public sealed record RegistryRow(int Id, string Code, string Name, MemberKind Kind, Region Region, string? Country, int JoinedYear, Cohort? Cohort, MemberStatus Status, bool Archived, int Plans, int Contacts);

public sealed record RegistryViewModel(RegistryFilter Filter, Page<RegistryRow> Members);

public sealed record ContactRow(string UserId, string DisplayName, string Email, string? Institution, string? Phone, bool Active);

public sealed record StatusHistoryRow(MemberStatus From, MemberStatus To, DateOnly EffectiveOn, string? Reason);

public sealed record ContributionRow(int FiscalYear, string Tier, decimal Expected, string Currency, decimal Paid);

public sealed record MemberRecordViewModel(
    int Id,
    string Code,
    string Name,
    MemberKind Kind,
    Region Region,
    string? Country,
    int JoinedYear,
    DateOnly? JoinedOn,
    Cohort? Cohort,
    MemberStatus Status,
    string? Website,
    string? Notes,
    DateTime? ArchivedAt,
    Guid Version,
    IReadOnlyList<StatusHistoryRow> StatusHistory,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<PlanRow> Plans,
    IReadOnlyList<ContributionRow> Contributions)
{
    public StatusForm StatusForm { get; init; } = new();
}

/// <summary>The registry's reads: the filtered, paged member list and one member's whole record.</summary>
public sealed class RegistryQuery(PortalDbContext db) : IFeatureService
{
    public async Task<RegistryViewModel> ListAsync(RegistryFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var members = db.Members.AsNoTracking().Where(m => (m.ArchivedAt != null) == filter.Archived).OfKindAndRegion(filter.Kind, filter.Region);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            members = members.Where(Like.AnyContains<Member>(filter.Q, m => m.Name, m => m.Code, m => m.Country));
        }

        if (filter.Status is { } status)
        {
            members = members.Where(m => m.Status == status);
        }

        if (filter.Cohort is { } cohort)
        {
            members = members.Where(m => m.Cohort == cohort);
        }

        var rows = await members
            .OrderBy(m => m.Name)
            .Select(m => new RegistryRow(
                m.Id, m.Code, m.Name, m.Kind, m.Region, m.Country, m.JoinedYear, m.Cohort, m.Status, m.ArchivedAt != null,
                m.ActionPlans.Count,
                db.MemberPointsOfContact.Count(l => l.MemberId == m.Id)))
            .ToPageAsync(page, Paging.DefaultSize, cancellationToken);
        return new RegistryViewModel(filter, rows);
    }

    public async Task<MemberRecordViewModel?> RecordAsync(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Id, m.Code, m.Name, m.Kind, m.Region, m.Country, m.JoinedYear, m.JoinedOn, m.Cohort, m.Status, m.Website, m.Notes, m.ArchivedAt, m.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var history = await db.MemberStatusChanges.AsNoTracking()
            .Where(c => c.MemberId == id)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.Id)
            .Select(c => new StatusHistoryRow(c.From, c.To, c.EffectiveOn, c.Reason))
            .ToListAsync(cancellationToken);
        var contacts = await (
                from link in db.MemberPointsOfContact.AsNoTracking()
                join user in db.Users.AsNoTracking() on link.UserId equals user.Id
                where link.MemberId == id
                orderby user.DisplayName
                select new ContactRow(user.Id, user.DisplayName, user.Email!, link.Institution, link.Phone, user.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => p.MemberId == id)
            .OrderByDescending(p => p.Number)
            .Select(PlanRow.Projection)
            .ToListAsync(cancellationToken);
        var contributions = await db.Contributions.AsNoTracking()
            .Where(c => c.MemberId == id)
            .OrderByDescending(c => c.FiscalYear)
            .Select(c => new ContributionRow(c.FiscalYear, c.Tier, c.ExpectedAmount, c.Currency, c.Payments.Where(p => p.Currency == c.Currency).Sum(p => p.Amount)))
            .ToListAsync(cancellationToken);
        return new MemberRecordViewModel(
            member.Id, member.Code, member.Name, member.Kind, member.Region, member.Country, member.JoinedYear, member.JoinedOn, member.Cohort, member.Status,
            member.Website, member.Notes, member.ArchivedAt, member.Version, history, contacts, plans, contributions);
    }

    /// <summary>What keeps a member from being deleted: its plans, contributions and points of contact.</summary>
    public async Task<string?> DeletionBlockerAsync(int id, CancellationToken cancellationToken)
    {
        var counts = await db.Members.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Plans = m.ActionPlans.Count,
                Contributions = db.Contributions.Count(c => c.MemberId == id),
                Contacts = db.MemberPointsOfContact.Count(l => l.MemberId == id),
                Challenge = db.ChallengeEntries.Count(e => e.MemberId == id),
            })
            .SingleAsync(cancellationToken);
        var held = new[]
            {
                Count(counts.Plans, "action plan"),
                Count(counts.Contributions, "contribution record"),
                Count(counts.Contacts, "point of contact"),
                Count(counts.Challenge, "Open Gov Challenge entry"),
            }
            .OfType<string>()
            .ToList();
        return held.Count == 0 ? null : string.Join(", ", held);

        static string? Count(int n, string what) => n switch
        {
            0 => null,
            1 => $"1 {what}",
            _ => $"{n} {what}s",
        };
    }
}
