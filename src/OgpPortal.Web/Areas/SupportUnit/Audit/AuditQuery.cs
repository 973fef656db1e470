using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.SupportUnit.Audit;

public sealed record AuditFilter(string? User, string? Member, string? Entity, string? Q, DateOnly? From, DateOnly? To);

public sealed record AuditRow(DateTime At, string UserName, string SubjectType, string SubjectKey, string? MemberCode, string EntityType, AuditAction Action, IReadOnlyList<AuditChange> Changes);

public sealed record AuditViewModel(AuditFilter Filter, Page<AuditRow> Entries);

/// <summary>The audit trail, searchable by who, which member, which kind of record, what key and when.</summary>
public sealed class AuditQuery(PortalDbContext db) : IFeatureService
{
    public async Task<AuditViewModel> SearchAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            entries = entries.Where(Like.AnyContains<AuditEntry>(filter.User, a => a.UserName));
        }

        if (!string.IsNullOrWhiteSpace(filter.Member))
        {
            var code = filter.Member.Trim().ToUpperInvariant();
            entries = entries.Where(a => a.MemberCode == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            entries = entries.Where(a => a.SubjectType == filter.Entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            entries = entries.Where(Like.AnyContains<AuditEntry>(filter.Q, a => a.SubjectKey));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At < end);
        }

        var found = await entries
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.At, a.UserName, a.SubjectType, a.SubjectKey, a.MemberCode, a.EntityType, a.Action, a.Changes })
            .ToPageAsync(page, Paging.DefaultSize, cancellationToken);
        var rows = found.Items
            .Select(a => new AuditRow(a.At, a.UserName, a.SubjectType, a.SubjectKey, a.MemberCode, a.EntityType, a.Action, JsonSerializer.Deserialize<List<AuditChange>>(a.Changes) ?? []))
            .ToList();
        return new AuditViewModel(filter, new Page<AuditRow>(rows, found.Number, found.Size, found.TotalCount));
    }
}
