using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.Public.Commitments;

[Route("commitments")]
public sealed class CommitmentsController(CommitmentPageQuery query) : PublicController
{
    [HttpGet("{identifier}")]
    public async Task<IActionResult> Show(string identifier, CancellationToken cancellationToken)
    {
        var commitment = await query.GetAsync(identifier, cancellationToken);
        return commitment is null ? NotFound() : View(commitment);
    }
}
