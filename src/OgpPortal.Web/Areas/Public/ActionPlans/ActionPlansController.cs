using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Web.Areas.Public.Consultations;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Public.ActionPlans;

[Route("action-plans")]
public sealed class ActionPlansController(PlanPageQuery query, PublicFindings findings, PublicConsultationQuery consultations, CoCreationChecklist checklist) : PublicController
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var plan = await query.GetAsync(id, cancellationToken);
        return plan is null
            ? NotFound()
            : View(plan with
            {
                Reports = await findings.ForPlanAsync(id, cancellationToken),
                Consultation = await consultations.TallyAsync(id, cancellationToken),
                Checklist = await checklist.ForPlanAsync(id, cancellationToken) ?? [],
            });
    }
}
