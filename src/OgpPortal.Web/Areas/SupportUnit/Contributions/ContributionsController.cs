using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Contributions;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Text;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.SupportUnit.Contributions;

/// <summary>Country contributions: the expected tier amount per member and fiscal year, and the payments received.</summary>
[Route("support-unit/contributions")]
public sealed class ContributionsController(PortalDbContext db, ContributionsQuery query, TimeProvider clock) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, bool? paying, int? page, CancellationToken cancellationToken)
    {
        var fiscalYear = Math.Clamp(year ?? clock.GetUtcNow().Year, Contribution.FirstFiscalYear, Contribution.LastFiscalYear);
        return View(await query.YearAsync(fiscalYear, paying, Shared.Paging.Paging.Clamp(page), cancellationToken));
    }

    [HttpGet("{code}/new")]
    public async Task<IActionResult> New(string code, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Code == code).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        ViewData["MemberName"] = member;
        return View(new ContributionForm { FiscalYear = clock.GetUtcNow().Year });
    }

    [HttpPost("{code}/new")]
    public async Task<IActionResult> New(string code, ContributionForm form, [FromServices] IValidator<ContributionForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        ViewData["MemberName"] = member.Name;
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        if (await db.Contributions.AnyAsync(c => c.MemberId == member.Id && c.FiscalYear == form.FiscalYear, cancellationToken))
        {
            ModelState.AddModelError(nameof(ContributionForm.FiscalYear), $"{member.Name}'s contribution for {form.FiscalYear} is already recorded; change it on its page.");
            return View(form);
        }

        db.Contributions.Add(Contribution.Expect(member, form.FiscalYear!.Value, form.Tier, form.ExpectedAmount!.Value, form.Currency));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A colleague recorded the same year a moment ago (unique index); nothing was saved.
            ModelState.AddModelError(nameof(ContributionForm.FiscalYear), $"{member.Name}'s contribution for {form.FiscalYear} is already recorded; change it on its page.");
            return View(form);
        }

        this.Success("{0}'s contribution for {1} was recorded.", member.Name, form.FiscalYear);
        return Redirect($"/support-unit/contributions/{code}/{form.FiscalYear}");
    }

    [HttpGet("{code}/{year:int}")]
    public async Task<IActionResult> Show(string code, int year, CancellationToken cancellationToken)
    {
        var contribution = await query.ContributionAsync(code, year, cancellationToken);
        return contribution is null ? NotFound() : View(contribution);
    }

    [HttpPost("{code}/{year:int}/expectation")]
    public async Task<IActionResult> ChangeExpectation(string code, int year, [Bind(Prefix = nameof(ContributionViewModel.Expectation))] ContributionForm form, [FromServices] IValidator<ContributionForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contribution = await LoadAsync(code, year, cancellationToken);
        if (contribution is null)
        {
            return NotFound();
        }

        // The year identifies the record; it is changed by recording a new year instead.
        form.FiscalYear = year;
        if (await validator.ValidateIntoAsync(form, ModelState, nameof(ContributionViewModel.Expectation), cancellationToken)
            && await this.TrySaveFormAsync(
                db,
                () =>
                {
                    db.ExpectVersion(contribution, form.Version);
                    contribution.ChangeExpectation(year, form.Tier, form.ExpectedAmount!.Value, form.Currency);
                },
                WorkflowChanges.ConflictMessage,
                cancellationToken))
        {
            this.Success("The expected contribution was saved.");
            return Redirect($"/support-unit/contributions/{code}/{year}");
        }

        return await ShowAgainAsync(code, year, c => c with { Expectation = form }, cancellationToken);
    }

    [HttpPost("{code}/{year:int}/payments")]
    public async Task<IActionResult> AddPayment(string code, int year, [Bind(Prefix = nameof(ContributionViewModel.Payment))] PaymentForm form, [FromServices] IValidator<PaymentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contribution = await LoadAsync(code, year, cancellationToken);
        if (contribution is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(form, ModelState, nameof(ContributionViewModel.Payment), cancellationToken)
            && await this.TrySaveFormAsync(db, () => contribution.RecordPayment(form.ReceivedOn!.Value, form.Amount!.Value, form.Currency, form.Note.NullIfBlank()), WorkflowChanges.ConflictMessage, cancellationToken))
        {
            this.Success("The payment of {0} {1} was recorded.", form.Currency.ToUpperInvariant(), form.Amount!.Value.ToString("N2", System.Globalization.CultureInfo.CurrentCulture));
            return Redirect($"/support-unit/contributions/{code}/{year}");
        }

        return await ShowAgainAsync(code, year, c => c with { Payment = form }, cancellationToken);
    }

    [HttpPost("{code}/{year:int}/payments/{paymentId:int}/remove")]
    public async Task<IActionResult> RemovePayment(string code, int year, int paymentId, CancellationToken cancellationToken)
    {
        var contribution = await LoadAsync(code, year, cancellationToken);
        if (contribution is null)
        {
            return NotFound();
        }

        await this.TrySaveChangeAsync(db, () => contribution.RemovePayment(paymentId), "The payment was removed.", cancellationToken);
        return Redirect($"/support-unit/contributions/{code}/{year}");
    }

    private Task<Contribution?> LoadAsync(string code, int year, CancellationToken cancellationToken) =>
        db.Contributions.Include(c => c.Member).Include(c => c.Payments).SingleOrDefaultAsync(c => c.Member.Code == code && c.FiscalYear == year, cancellationToken);

    private async Task<IActionResult> ShowAgainAsync(string code, int year, Func<ContributionViewModel, ContributionViewModel> withForm, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var contribution = (await query.ContributionAsync(code, year, cancellationToken))!;
        return View(nameof(Show), withForm(contribution));
    }
}
