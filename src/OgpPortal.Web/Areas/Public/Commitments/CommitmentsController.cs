using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Reports;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Areas.Public.Commitments;

[Route("commitments")]
public sealed class CommitmentsController(CommitmentPageQuery query, PublicFindings findings) : PublicController
{
    /// <summary>
    /// Searches public commitments. A criterion that cannot be read (an unknown region, a page that is not a
    /// number) is left out and the page says so; words over the limit are refused with a message. Typing just a
    /// commitment's identifier goes to that commitment.
    /// </summary>
    [StandbyReads]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] CommitmentSearch search, CancellationToken cancellationToken)
    {
        var criteria = CommitmentSearchQuery.Read(Request.Query, out var ignored);
        if (!criteria.Filters().Any() && await search.IdentifierTypedAsync(criteria, cancellationToken) is { } identifier)
        {
            return Redirect($"/commitments/{Uri.EscapeDataString(identifier)}");
        }

        if (criteria.Problem is { } problem)
        {
            ModelState.AddModelError("q", problem);
        }

        return View((await search.SearchAsync(criteria, cancellationToken)) with { IgnoredCriteria = ignored });
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("{identifier}")]
    public async Task<IActionResult> Show(string identifier, CancellationToken cancellationToken)
    {
        var commitment = await query.GetAsync(identifier, cancellationToken);
        return commitment is null
            ? NotFound()
            : View(commitment with { Findings = await findings.ForCommitmentAsync(commitment.Identifier, cancellationToken) });
    }
}
