using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Contributions;

namespace OgpPortal.Web.Areas.SupportUnit.Contributions;

/// <summary>What a member is expected to contribute in a fiscal year.</summary>
public sealed class ContributionForm
{
    [Display(Name = "Fiscal year")]
    public int? FiscalYear { get; set; }

    [Display(Name = "Tier")]
    public string Tier { get; set; } = string.Empty;

    [Display(Name = "Expected amount")]
    public decimal? ExpectedAmount { get; set; }

    [Display(Name = "Currency")]
    public string Currency { get; set; } = "USD";

    public Guid Version { get; set; }
}

public sealed class ContributionFormValidator : AbstractValidator<ContributionForm>
{
    public ContributionFormValidator()
    {
        RuleFor(f => f.FiscalYear).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the fiscal year.")
            .InclusiveBetween(Contribution.FirstFiscalYear, Contribution.LastFiscalYear).WithMessage($"Enter a year from {Contribution.FirstFiscalYear} to {Contribution.LastFiscalYear}.");
        RuleFor(f => f.Tier).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the tier, e.g. Tier 1.")
            .MaximumLength(Limits.Tier).WithMessage($"The tier has at most {Limits.Tier} characters.");
        RuleFor(f => f.ExpectedAmount).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the expected amount.")
            .GreaterThanOrEqualTo(0).WithMessage("The amount cannot be negative.")
            .Amount();
        RuleFor(f => f.Currency).CurrencyCode();
    }
}

/// <summary>A payment received towards a contribution.</summary>
public sealed class PaymentForm
{
    [Display(Name = "Received on")]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Amount")]
    public decimal? Amount { get; set; }

    [Display(Name = "Currency")]
    public string Currency { get; set; } = "USD";

    [Display(Name = "Note (optional)")]
    public string? Note { get; set; }
}

public sealed class PaymentFormValidator : AbstractValidator<PaymentForm>
{
    public PaymentFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.ReceivedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date the payment was received.")
            .Must(d => d!.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A payment is recorded once received; this date is in the future.");
        RuleFor(f => f.Amount).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the amount received.")
            .GreaterThan(0).WithMessage("Enter an amount above zero.")
            .Amount();
        RuleFor(f => f.Currency).CurrencyCode();
        RuleFor(f => f.Note).MaximumLength(Limits.PaymentNote).WithMessage($"The note has at most {Limits.PaymentNote} characters.");
    }
}

internal static class ContributionRules
{
    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilderOptions<T, decimal?> rule) => rule
        .Must(a => a!.Value <= Contribution.MaximumAmount && decimal.Round(a.Value, 2) == a.Value)
        .WithMessage("The amount is at most 999,999,999.99, to the cent.");

    public static void CurrencyCode<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Must(c => Contribution.IsCurrencyCode(c?.Trim().ToUpperInvariant()))
        .WithMessage("The currency is a three-letter code such as USD or EUR.");
}
