using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Public.Consultations;

/// <summary>Public consultations on draft action plans: read what is put to the public, comment, and see the responses.</summary>
[Route("consultations")]
public sealed partial class ConsultationsController(
    PublicConsultationQuery query,
    PortalDbContext db,
    TimeProvider clock,
    ILogger<ConsultationsController> logger) : PublicController
{
    public const string ThankYou = "Thank you. Your comment was received and will appear here once it has been moderated.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(Paging.Clamp(page), cancellationToken));

    [HttpGet("{planId:int}")]
    public async Task<IActionResult> Show(int planId, CancellationToken cancellationToken)
    {
        var model = await query.GetAsync(planId, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{planId:int}/comments")]
    [EnableRateLimiting(RateLimits.PublicInput)]
    public async Task<IActionResult> Comment(int planId, [Bind(Prefix = nameof(PublicConsultationViewModel.Form))] CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var consultation = await db.Consultations.Include(c => c.ActionPlan).Include(c => c.Commitments)
            .SingleOrDefaultAsync(c => c.ActionPlanId == planId, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(form.Website))
        {
            // A robot filled in the hidden field: it is told what a person would be told, and nothing is kept.
            LogHoneypot(logger, planId);
            this.Success(ThankYou);
            return Redirect($"/consultations/{planId}");
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(PublicConsultationViewModel.Form), cancellationToken))
        {
            try
            {
                consultation.Receive(form.ToSubmission(), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                this.Success(ThankYou);
                return Redirect($"/consultations/{planId}#comment-form");
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, exception.Message);
            }
        }

        var model = await query.GetAsync(planId, cancellationToken);
        return View(nameof(Show), model! with { Form = form });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Honeypot filled in on the consultation of plan {PlanId}; comment dropped")]
    private static partial void LogHoneypot(ILogger logger, int planId);
}
