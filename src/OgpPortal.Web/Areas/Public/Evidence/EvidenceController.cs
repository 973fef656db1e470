using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NetEscapades.AspNetCore.SecurityHeaders;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Evidence;

/// <summary>
/// A file attached as evidence to a milestone, for anyone while its commitment is public (the one rule,
/// <see cref="PlanQueries.WherePublic(IQueryable{OgpPortal.Domain.Commitments.Commitment})"/>). It is
/// always a download (Content-Disposition: attachment), with the type the portal recognised in its content,
/// no MIME sniffing, and a sandboxing policy in case a browser opens it anyway (docs/security.md). A file's
/// bytes never change for its id, but it may be removed or its plan leave the public's view: caches must ask
/// again every time (no-cache), and a cache that holds it gets 304 from a query that does not read the bytes.
/// </summary>
[Route("evidence")]
[SecurityHeadersPolicy(SecurityHeaders.DownloadPolicy)]
[EnableRateLimiting(RateLimits.Api)]
public sealed class EvidenceController(PortalDbContext db) : PublicController
{
    [HttpGet("{id:int}/{name?}")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var files = db.Commitments.WherePublic()
            .SelectMany(c => c.Milestones)
            .SelectMany(m => m.EvidenceFiles)
            .Where(f => f.Id == id);
        var file = await files.Select(f => new { f.FileName, f.ContentType }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        var tag = new EntityTagHeaderValue($"\"evidence-{id}\"");
        Response.Headers.CacheControl = "no-cache";
        Response.Headers.ETag = tag.ToString();
        if (Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var bytes = await files.Select(f => f.Content.Bytes).SingleAsync(cancellationToken);
        return File(bytes, file.ContentType, file.FileName);
    }
}
