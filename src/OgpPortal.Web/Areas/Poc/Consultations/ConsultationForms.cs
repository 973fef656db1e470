using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;

namespace OgpPortal.Web.Areas.Poc.Consultations;

/// <summary>Opening (or changing) a plan's public consultation: until when, and what is put to the public.</summary>
public sealed class ConsultationForm
{
    [Display(Name = "Last day for comments")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "What is put to consultation")]
    public string Themes { get; set; } = string.Empty;

    /// <summary>The draft commitments put to consultation.</summary>
    public List<int> CommitmentIds { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed class ConsultationFormValidator : AbstractValidator<ConsultationForm>
{
    public ConsultationFormValidator()
    {
        RuleFor(f => f.ClosesOn).NotNull().WithMessage("Enter the last day on which comments are taken.");
        RuleFor(f => f.Themes).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Say what is put to consultation: the themes, questions or draft commitments.")
            .MaximumLength(Limits.LongText).WithMessage($"This text has at most {Limits.LongText} characters.");
    }
}

/// <summary>The reasoned response to one published comment.</summary>
public sealed class ResponseForm
{
    [Display(Name = "What was done with this input")]
    public ResponseOutcome? Outcome { get; set; }

    [Display(Name = "Reasoned response")]
    public string Response { get; set; } = string.Empty;

    [Display(Name = "Commitment it led to (optional)")]
    public int? LedToCommitmentId { get; set; }

    public Guid Version { get; set; }

    public static string PrefixFor(int commentId) => $"Answer{commentId}";
}

public sealed class ResponseFormValidator : AbstractValidator<ResponseForm>
{
    public ResponseFormValidator()
    {
        RuleFor(f => f.Outcome).NotNull().WithMessage("Choose what was done with this input.");
        RuleFor(f => f.Response).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Write the reasoned response: what was done with the input, and why.")
            .MaximumLength(ConsultationComment.MaxResponseLength).WithMessage($"A response has at most {ConsultationComment.MaxResponseLength} characters.");
        RuleFor(f => f.LedToCommitmentId).Null().When(f => f.Outcome == ResponseOutcome.NotTakenUp)
            .WithMessage("Input that was not taken up did not lead to a commitment; choose taken up or partly taken up, or no commitment.");
    }
}
