using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Areas.SupportUnit.Audit;

/// <summary>Every recorded change: who, when, which record, old and new values.</summary>
[Route("support-unit/audit")]
public sealed class AuditController(AuditQuery query) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? member, string? entity, string? q, DateOnly? from, DateOnly? to, int? page, CancellationToken cancellationToken) =>
        View(await query.SearchAsync(new AuditFilter(user, member, entity, q, from, to), Paging.Clamp(page), cancellationToken));
}
