using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Areas.SupportUnit.History;

public sealed record HistoryRow(DateTime At, string UserName, string EntityType, AuditAction Action, IReadOnlyList<AuditChange> Changes);

public sealed record HistoryViewModel(string Identifier, string Title, IReadOnlyList<HistoryRow> Rows);

/// <summary>Every recorded change to a commitment, its milestones and progress notes: who, when and what.</summary>
[Route("support-unit/commitments/{identifier}/history")]
public sealed class HistoryController(PortalDbContext db) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string identifier, CancellationToken cancellationToken)
    {
        var key = identifier.ToUpperInvariant();
        var title = await db.Commitments.AsNoTracking().Where(c => c.Identifier == key).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == nameof(Commitment) && a.SubjectKey == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var rows = entries
            .Select(a => new HistoryRow(a.At, a.UserName, a.EntityType, a.Action, JsonSerializer.Deserialize<List<AuditChange>>(a.Changes) ?? []))
            .ToList();
        return View(new HistoryViewModel(key, title, rows));
    }
}
