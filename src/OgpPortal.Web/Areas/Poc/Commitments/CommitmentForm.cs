using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.Poc.Commitments;

/// <summary>OGP's commitment template as a form, with its milestones.</summary>
public sealed class CommitmentForm : IOgpValuesInput
{
    /// <summary>Blank milestone rows offered under the filled ones (pages work without JavaScript).</summary>
    public const int BlankMilestoneRows = 3;

    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Short title")]
    public string? ShortTitle { get; set; }

    [Display(Name = "Theme")]
    public string? Theme { get; set; }

    [Display(Name = "The problem it addresses")]
    public string? Problem { get; set; }

    [Display(Name = "What the commitment is")]
    public string? Description { get; set; }

    [Display(Name = "How it will solve the problem")]
    public string? Solution { get; set; }

    [Display(Name = "Lead institution")]
    public string LeadInstitution { get; set; } = string.Empty;

    [Display(Name = "Supporting institutions (government and civil society)")]
    public string? SupportingInstitutions { get; set; }

    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "End date")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Access to information")]
    public bool AccessToInformation { get; set; }

    [Display(Name = "Civic participation")]
    public bool CivicParticipation { get; set; }

    [Display(Name = "Public accountability")]
    public bool PublicAccountability { get; set; }

    [Display(Name = "Technology and innovation for transparency and accountability")]
    public bool TechnologyAndInnovation { get; set; }

    [Display(Name = "Open Gov Challenge area (optional)")]
    public ChallengeArea? ChallengeArea { get; set; }

    [Display(Name = "Policy areas")]
    public List<int> PolicyAreaIds { get; set; } = [];

    public List<MilestoneInput> Milestones { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>The plan the commitment belongs to; set by the server, never bound from the request.</summary>
    [BindNever]
    public int PlanId { get; set; }

    [BindNever]
    public string PlanTitle { get; set; } = string.Empty;

    /// <summary>The commitment's identifier and id when editing; null for a new commitment.</summary>
    [BindNever]
    public string? Identifier { get; set; }

    [BindNever]
    public int? CommitmentId { get; set; }

    /// <summary>The plan period the dates must fall in; set by the server, never bound from the request.</summary>
    [BindNever]
    public DateOnly PlanStart { get; set; }

    [BindNever]
    public DateOnly PlanEnd { get; set; }

    public OgpValues Values => this.Checked();

    /// <summary>The milestone rows the user filled in; wholly blank rows are ignored.</summary>
    public IEnumerable<MilestoneInput> FilledMilestones => Milestones.Where(m => !m.IsBlank);

    public CommitmentText ToText() => new(
        Title,
        ShortTitle.NullIfBlank(),
        Problem.NullIfBlank(),
        Description.NullIfBlank(),
        Solution.NullIfBlank(),
        LeadInstitution,
        SupportingInstitutions.NullIfBlank(),
        StartDate,
        EndDate,
        Values,
        ChallengeArea,
        Theme.NullIfBlank());

    /// <summary>Pads the milestone rows with blank ones to fill in.</summary>
    public CommitmentForm WithBlankRows()
    {
        Milestones = [.. FilledMilestones, .. Enumerable.Range(0, BlankMilestoneRows).Select(_ => new MilestoneInput())];
        return this;
    }
}

public sealed class MilestoneInput
{
    /// <summary>The milestone's id when it exists already; empty for a new one.</summary>
    public int? Id { get; set; }

    [Display(Name = "Milestone")]
    public string? Title { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "Weight")]
    public int? Weight { get; set; }

    /// <summary>No title and no date: a spare row, or an existing milestone the user emptied to remove it.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && DueDate is null;
}

public sealed class CommitmentFormValidator : AbstractValidator<CommitmentForm>
{
    public CommitmentFormValidator()
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Give the commitment a title.")
            .MaximumLength(Limits.CommitmentTitle).WithMessage($"The title has at most {Limits.CommitmentTitle} characters.");
        RuleFor(f => f.ShortTitle).MaximumLength(Limits.ShortTitle).WithMessage($"The short title has at most {Limits.ShortTitle} characters.");
        RuleFor(f => f.Theme).MaximumLength(Limits.Theme).WithMessage($"The theme has at most {Limits.Theme} characters.");
        RuleFor(f => f.Problem).MaximumLength(Limits.CommitmentText).WithMessage($"This text has at most {Limits.CommitmentText} characters.");
        RuleFor(f => f.Description).MaximumLength(Limits.CommitmentText).WithMessage($"This text has at most {Limits.CommitmentText} characters.");
        RuleFor(f => f.Solution).MaximumLength(Limits.CommitmentText).WithMessage($"This text has at most {Limits.CommitmentText} characters.");
        RuleFor(f => f.LeadInstitution).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Name the lead institution.")
            .MaximumLength(Limits.Institution).WithMessage($"The lead institution has at most {Limits.Institution} characters.");
        RuleFor(f => f.SupportingInstitutions).MaximumLength(Limits.SupportingInstitutions).WithMessage($"This list has at most {Limits.SupportingInstitutions} characters.");
        RuleFor(f => f.StartDate).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the start date.")
            .Must((f, d) => d >= f.PlanStart && d <= f.PlanEnd).WithMessage(f => $"The start date must fall within the plan period ({Period(f)}).");
        RuleFor(f => f.EndDate).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the end date.")
            .Must((f, d) => d >= f.PlanStart && d <= f.PlanEnd).WithMessage(f => $"The end date must fall within the plan period ({Period(f)}).")
            .Must((f, d) => f.StartDate is null || d >= f.StartDate).WithMessage("The end date must be on or after the start date.");
        RuleFor(f => f.TechnologyAndInnovation).Equal(false)
            .When(f => !f.AccessToInformation && !f.CivicParticipation && !f.PublicAccountability)
            .WithMessage("Technology and innovation counts only alongside access to information, civic participation or public accountability.");
        RuleFor(f => f.ChallengeArea).IsInEnum().When(f => f.ChallengeArea is not null).WithMessage("Choose a Challenge area from the list.");
        RuleFor(f => f.PolicyAreaIds).Must(ids => ids.All(id => PolicyAreaCatalog.All.Any(a => a.Id == id)))
            .WithMessage("Choose policy areas from the list.");
        RuleFor(f => f.FilledMilestones).Must(m => m.Any()).OverridePropertyName(nameof(CommitmentForm.Milestones))
            .WithMessage("Add at least one milestone, with its due date.");
        RuleForEach(f => f.Milestones).Where(m => !m.IsBlank).ChildRules(milestone =>
        {
            milestone.RuleFor(m => m.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Give the milestone a title.")
                .MaximumLength(Limits.MilestoneTitle).WithMessage($"A milestone title has at most {Limits.MilestoneTitle} characters.");
            milestone.RuleFor(m => m.DueDate).NotNull().WithMessage("Enter the milestone's due date.");
            milestone.RuleFor(m => m.Weight).InclusiveBetween(1, 100).When(m => m.Weight is not null).WithMessage("A weight runs from 1 to 100.");
        });
        RuleForEach(f => f.Milestones).Where(m => !m.IsBlank).Custom((milestone, context) =>
        {
            var form = context.InstanceToValidate;
            if (milestone.DueDate is { } due && (due < form.PlanStart || due > form.PlanEnd))
            {
                // The path of this row ("Milestones[0]") is put in front of the name by FluentValidation.
                context.AddFailure(nameof(MilestoneInput.DueDate), $"The due date must fall within the plan period ({Period(form)}).");
            }
        });
    }

    private static string Period(CommitmentForm f) => $"{f.PlanStart:d MMMM yyyy} to {f.PlanEnd:d MMMM yyyy}";
}
