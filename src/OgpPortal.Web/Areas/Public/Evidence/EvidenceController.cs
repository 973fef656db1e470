using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetEscapades.AspNetCore.SecurityHeaders;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Evidence;

/// <summary>
/// A file attached as evidence to a milestone, for anyone once its commitment is public (the one rule,
/// <see cref="PlanQueries.WherePublic(IQueryable{OgpPortal.Domain.Commitments.Commitment})"/>). It is
/// always a download (Content-Disposition: attachment), with the type the portal recognised in its content,
/// no MIME sniffing, and a sandboxing policy in case a browser opens it anyway (docs/security.md).
/// </summary>
[Route("evidence")]
[SecurityHeadersPolicy(SecurityHeaders.DownloadPolicy)]
public sealed class EvidenceController(PortalDbContext db) : PublicController
{
    [HttpGet("{id:int}/{name?}")]
    [ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var file = await db.Commitments.WherePublic()
            .SelectMany(c => c.Milestones)
            .SelectMany(m => m.EvidenceFiles)
            .Where(f => f.Id == id)
            .Select(f => new { f.FileName, f.ContentType, f.Content.Bytes })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }
}
