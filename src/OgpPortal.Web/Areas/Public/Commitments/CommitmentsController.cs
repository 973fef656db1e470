using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Public.Commitments;

[Route("commitments")]
public sealed class CommitmentsController(CommitmentPageQuery query, PublicFindings findings) : PublicController
{
    [HttpGet("{identifier}")]
    public async Task<IActionResult> Show(string identifier, CancellationToken cancellationToken)
    {
        var commitment = await query.GetAsync(identifier, cancellationToken);
        return commitment is null
            ? NotFound()
            : View(commitment with { Findings = await findings.ForCommitmentAsync(commitment.Identifier, cancellationToken) });
    }
}
