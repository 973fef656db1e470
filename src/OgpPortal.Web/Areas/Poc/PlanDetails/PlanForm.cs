using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Areas.Poc.PlanDetails;

/// <summary>A draft action plan's details.</summary>
public sealed class PlanForm
{
    [Display(Name = "Action plan number")]
    public int? Number { get; set; }

    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Start of the plan period")]
    public DateOnly? PeriodStart { get; set; }

    [Display(Name = "End of the plan period")]
    public DateOnly? PeriodEnd { get; set; }

    [Display(Name = "Language of the plan's texts (optional)")]
    public string? TextLanguage { get; set; }

    [Display(Name = "How the plan is co-created (optional)")]
    public string? CoCreationSummary { get; set; }

    public Guid Version { get; set; }

    [BindNever]
    public int MemberId { get; set; }

    [BindNever]
    public string MemberName { get; set; } = string.Empty;

    /// <summary>The plan's id when editing; null for a new plan.</summary>
    [BindNever]
    public int? PlanId { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.Number).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the plan's number.")
            .InclusiveBetween(1, 99).WithMessage("The plan number runs from 1 to 99.");
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Give the plan a title.")
            .MaximumLength(Limits.PlanTitle).WithMessage($"The title has at most {Limits.PlanTitle} characters.");
        RuleFor(f => f.PeriodStart).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the first day of the plan period.")
            .Must(d => d!.Value.Year is >= PlanPeriod.FirstYear and <= PlanPeriod.LastYear).WithMessage($"Enter a date between {PlanPeriod.FirstYear} and {PlanPeriod.LastYear}.");
        RuleFor(f => f.PeriodEnd).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the last day of the plan period.")
            .Must(d => d!.Value.Year is >= PlanPeriod.FirstYear and <= PlanPeriod.LastYear).WithMessage($"Enter a date between {PlanPeriod.FirstYear} and {PlanPeriod.LastYear}.")
            .Must((f, end) => f.PeriodStart is not { } start || start.Year < PlanPeriod.FirstYear || PlanPeriod.Problem(start, end!.Value) is null)
            .WithMessage(f => PlanPeriod.Problem(f.PeriodStart!.Value, f.PeriodEnd!.Value)!);
        RuleFor(f => f.CoCreationSummary).MaximumLength(Limits.LongText).WithMessage($"This text has at most {Limits.LongText} characters.");
        RuleFor(f => f.TextLanguage).Must(code => string.IsNullOrEmpty(code) || TextLanguages.IsKnown(code)).WithMessage("Choose the plan's language from the list.");
    }
}
