using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.Irm.Home;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Plans;
using OgpPortal.Web.Shared.Reports;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Irm.Reports;

public sealed record PlanReportsViewModel(AssignedPlan Plan);

public sealed record ReportPageViewModel(ReportView Report)
{
    public ReportTextForm Text { get; init; } = new();
}

/// <summary>The assessment form of one commitment, with the commitment's words beside it and the next commitment in the plan.</summary>
public sealed record AssessmentPageViewModel(ReportView Report, AssessmentRow Commitment, CommitmentWords Words, AssessmentForm Form)
{
    public AssessmentRow? Next => Report.Commitments.SkipWhile(c => c.CommitmentId != Commitment.CommitmentId).Skip(1).FirstOrDefault();
}

/// <summary>
/// The researcher's reports on an assigned plan: start one, write it, assess each commitment, answer
/// comments, open it for comment and publish it. Every action checks the plan is assigned to the user.
/// </summary>
[Route("irm")]
public sealed class ReportsController(PortalDbContext db, FollowerNotifications followers, WorkNotifications staff, TimeProvider clock) : IrmController
{
    [HttpGet("plans/{planId:int}")]
    public async Task<IActionResult> Plan(int planId, CancellationToken cancellationToken)
    {
        // The assignment first: a plan that is not yours answers the same whether or not it exists.
        if (!await MayAssessPlanAsync(planId))
        {
            return Forbid();
        }

        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId).Select(PlanRow.Projection).SingleAsync(cancellationToken);

        var reports = await db.IrmReports.AsNoTracking().Where(r => r.ActionPlanId == planId).Select(r => new { r.Id, r.Type, r.Status }).ToListAsync(cancellationToken);
        var slots = AssignedPlansQuery.Slots(plan)
            .Select(s => reports.FirstOrDefault(r => r.Type == s.Type) is { } r ? s with { ReportId = r.Id, Status = r.Status } : s)
            .ToList();
        return View(new PlanReportsViewModel(new AssignedPlan(plan, slots)));
    }

    [HttpPost("plans/{planId:int}/reports")]
    public async Task<IActionResult> Start(int planId, ReportType? type, CancellationToken cancellationToken)
    {
        if (!await MayAssessPlanAsync(planId))
        {
            return Forbid();
        }

        if (type is not { } reportType || !Enum.IsDefined(reportType) || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var plan = await db.ActionPlans.Include(p => p.Member).SingleAsync(p => p.Id == planId, cancellationToken);

        if (await db.IrmReports.AnyAsync(r => r.ActionPlanId == planId && r.Type == reportType, cancellationToken))
        {
            this.Error("This plan already has its {0}.", EnumDisplay.Name(reportType));
            return Redirect($"/irm/plans/{planId}");
        }

        IrmReport? report = null;
        if (!await this.TrySaveChangeAsync(db, () => db.IrmReports.Add(report = IrmReport.Start(plan, reportType)), "The {0} was started in Draft.", [EnumDisplay.Name(reportType)], cancellationToken))
        {
            return Redirect($"/irm/plans/{planId}");
        }

        return Redirect($"/irm/reports/{report!.Id}");
    }

    [HttpGet("reports/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var report = await db.LoadReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        return await MayAssessPlanAsync(report.PlanId)
            ? View(new ReportPageViewModel(report) { Text = new ReportTextForm { Summary = report.Summary, KeyFindings = report.KeyFindings, DocumentUrl = report.DocumentUrl, Version = report.Version } })
            : Forbid();
    }

    [HttpPost("reports/{id:int}/text")]
    public async Task<IActionResult> Text(int id, [Bind(Prefix = nameof(ReportPageViewModel.Text))] ReportTextForm form, [FromServices] IValidator<ReportTextForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await MayAssessPlanAsync(report.ActionPlanId))
        {
            return Forbid();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(ReportPageViewModel.Text), cancellationToken)
            && await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(report, form.Version);
                    report.UpdateText(form.Summary, form.KeyFindings, form.DocumentUrl);
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken))
        {
            this.Success("The report's text was saved.");
            return Redirect($"/irm/reports/{id}");
        }

        db.ChangeTracker.Clear();
        return View(nameof(Show), new ReportPageViewModel((await db.LoadReportAsync(id, cancellationToken))!) { Text = form });
    }

    [HttpGet("reports/{id:int}/commitments/{commitmentId:int}")]
    public async Task<IActionResult> Assess(int id, int commitmentId, CancellationToken cancellationToken)
    {
        var report = await db.LoadReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await MayAssessPlanAsync(report.PlanId))
        {
            return Forbid();
        }

        var row = report.Commitments.FirstOrDefault(c => c.CommitmentId == commitmentId);
        if (row is null)
        {
            return NotFound();
        }

        return await AssessmentPageAsync(report, commitmentId, AssessmentForm.From(row, report.Version), cancellationToken);
    }

    [HttpPost("reports/{id:int}/commitments/{commitmentId:int}")]
    public async Task<IActionResult> Assess(int id, int commitmentId, [Bind(Prefix = nameof(AssessmentPageViewModel.Form))] AssessmentForm form, bool next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await MayAssessPlanAsync(report.ActionPlanId))
        {
            return Forbid();
        }

        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId && c.ActionPlanId == report.ActionPlanId, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        // Every problem at once, each at its field, in the form's order (the rule is the domain's: AssessmentValues).
        foreach (var problem in form.ToValues().Problems(report.Type))
        {
            ModelState.AddModelError($"{nameof(AssessmentPageViewModel.Form)}.{AssessmentForm.FieldOf(problem.Field)}", problem.Message);
        }

        if (ModelState.IsValid
            && await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(report, form.Version);
                    report.Assess(commitment, form.ToValues());
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken))
        {
            this.Success("{0} was assessed.", commitment.Identifier);
            var following = report.ActionPlan.Commitments.OrderBy(c => c.Position).SkipWhile(c => c.Id != commitmentId).Skip(1).FirstOrDefault();
            return Redirect(next && following is not null ? $"/irm/reports/{id}/commitments/{following.Id}" : $"/irm/reports/{id}");
        }

        db.ChangeTracker.Clear();
        return await AssessmentPageAsync((await db.LoadReportAsync(id, cancellationToken))!, commitmentId, form, cancellationToken);
    }

    private async Task<IActionResult> AssessmentPageAsync(ReportView report, int commitmentId, AssessmentForm form, CancellationToken cancellationToken)
    {
        var words = await db.Commitments.AsNoTracking().Where(c => c.Id == commitmentId).Select(CommitmentWords.OfCommitment).SingleAsync(cancellationToken);
        return View(nameof(Assess), new AssessmentPageViewModel(report, report.Commitments.First(c => c.CommitmentId == commitmentId), words, form));
    }

    [HttpPost("reports/{id:int}/open-for-comment")]
    public Task<IActionResult> OpenForComment(int id, Guid version, string? leftOutReason, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, r => r.OpenForComment(PortalRole.IrmResearcher, leftOutReason), "The report is open for comment by the member's points of contact and the Support Unit.", cancellationToken);

    [HttpPost("reports/{id:int}/return-to-draft")]
    public Task<IActionResult> ReturnToDraft(int id, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, r => r.ReturnToDraft(PortalRole.IrmResearcher), "The report is back in Draft; comments are closed.", cancellationToken);

    [HttpPost("reports/{id:int}/publish")]
    public Task<IActionResult> Publish(int id, Guid version, string? leftOutReason, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, r => r.Publish(PortalRole.IrmResearcher, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), leftOutReason), "The report is published: its findings are now public.", cancellationToken, ReportPublishedAsync);

    [HttpPost("reports/{id:int}/comments/{commentId:int}/answer")]
    public async Task<IActionResult> Answer(int id, int commentId, AnswerForm form, [FromServices] IValidator<AnswerForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        // The assignment before the form: someone else's report answers the same whatever was sent.
        var planId = await db.IrmReports.Where(r => r.Id == id).Select(r => (int?)r.ActionPlanId).SingleOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return NotFound();
        }

        if (!await MayAssessPlanAsync(planId.Value))
        {
            return Forbid();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            this.Error(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
            return Redirect($"/irm/reports/{id}#comment-{commentId}");
        }

        return await ChangeAsync(id, null, r => r.Answer(PortalRole.IrmResearcher, commentId, form.Answer!, clock.GetUtcNow().UtcDateTime), "Your answer was saved.", cancellationToken);
    }

    /// <summary>A published report is news for the plan's followers and for the Support Unit.</summary>
    private async Task ReportPublishedAsync(IrmReport report, CancellationToken cancellationToken)
    {
        await followers.ReportPublishedAsync(report, cancellationToken);
        await staff.ReportPublishedAsync(report, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(int id, Guid? version, Action<IrmReport> change, string success, CancellationToken cancellationToken, Func<IrmReport, CancellationToken, Task>? afterSave = null)
    {
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await MayAssessPlanAsync(report.ActionPlanId))
        {
            return Forbid();
        }

        var saved = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                if (version is { } v)
                {
                    db.ExpectVersion(report, v);
                }

                change(report);
            },
            success,
            cancellationToken);
        if (saved && afterSave is not null)
        {
            await afterSave(report, cancellationToken);
        }

        return Redirect($"/irm/reports/{id}");
    }

    private Task<IrmReport?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.IrmReports.Include(r => r.ActionPlan).ThenInclude(p => p.Member).Include(r => r.ActionPlan).ThenInclude(p => p.Commitments)
            .Include(r => r.Assessments).Include(r => r.Comments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
