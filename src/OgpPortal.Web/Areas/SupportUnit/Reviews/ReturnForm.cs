using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Areas.SupportUnit.Reviews;

public sealed class ReturnForm
{
    [Display(Name = "Reason for returning it")]
    public string Reason { get; set; } = string.Empty;

    public Guid Version { get; set; }
}

public sealed class ReturnFormValidator : AbstractValidator<ReturnForm>
{
    public ReturnFormValidator() =>
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say why it is returned, so the point of contact knows what to revise.")
            .MaximumLength(Limits.Reason).WithMessage($"The reason has at most {Limits.Reason} characters.");
}

/// <summary>The commitments the review page listed as waiting, each with the version it showed.</summary>
public sealed class AcceptRemainingForm
{
    public List<CommitmentVersion> Commitments { get; set; } = [];
}

public sealed class CommitmentVersion
{
    public int Id { get; set; }

    public Guid Version { get; set; }
}
