using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Areas.Public.ActionPlans;

[Route("action-plans")]
public sealed class ActionPlansController(PlanPageQuery query) : PublicController
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var plan = await query.GetAsync(id, cancellationToken);
        return plan is null ? NotFound() : View(plan);
    }
}
