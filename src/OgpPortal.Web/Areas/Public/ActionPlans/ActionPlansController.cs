using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Web.Areas.Public.Consultations;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.OpenData;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Public.ActionPlans;

[Route("action-plans")]
public sealed class ActionPlansController(PlanPageQuery query, PublicFindings findings, PublicConsultationQuery consultations, CoCreationChecklist checklist, PublicData data) : PublicController
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

    /// <summary>The plan's commitments as a CSV file, in the open data's columns; a plan that is not public is not found.</summary>
    [HttpGet("{id:int}/commitments.csv")]
    public Task<IActionResult> CommitmentsCsv(int id, CancellationToken cancellationToken) =>
        PlanFileAsync(id, "commitments", data.CommitmentRecordsOfPlan(id), cancellationToken);

    /// <summary>The plan's milestones as a CSV file, in the open data's columns.</summary>
    [HttpGet("{id:int}/milestones.csv")]
    public Task<IActionResult> MilestonesCsv(int id, CancellationToken cancellationToken) =>
        PlanFileAsync(id, "milestones", data.MilestoneRecordsOfPlan(id), cancellationToken);

    private async Task<IActionResult> PlanFileAsync<T>(int id, string what, IQueryable<T> records, CancellationToken cancellationToken)
        where T : class
    {
        var plan = await data.ActionPlans().Where(p => p.Id == id).Select(p => new { p.Member.Code, p.Number }).SingleOrDefaultAsync(cancellationToken);
        return plan is null
            ? NotFound()
            : OpenDataCatalog.CsvFile($"ogp-{plan.Code.ToLowerInvariant()}-action-plan-{plan.Number}-{what}.csv", records);
    }
}
