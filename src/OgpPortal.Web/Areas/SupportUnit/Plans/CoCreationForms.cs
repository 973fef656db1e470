using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Areas.SupportUnit.Plans;

/// <summary>The plan's co-creation record: the forum, the public repository, and links for a consultation and reasoned response held elsewhere.</summary>
public sealed class CoCreationForm
{
    [Display(Name = "Multi-stakeholder forum (name)")]
    public string? ForumName { get; set; }

    [Display(Name = "Public repository (web address)")]
    public string? RepositoryUrl { get; set; }

    [Display(Name = "Public consultation held outside the portal (web address)")]
    public string? ConsultationUrl { get; set; }

    [Display(Name = "Reasoned response to public input given outside the portal (web address)")]
    public string? ReasonedResponseUrl { get; set; }

    public Guid Version { get; set; }
}

public sealed class CoCreationFormValidator : AbstractValidator<CoCreationForm>
{
    public CoCreationFormValidator()
    {
        RuleFor(f => f.ForumName).MaximumLength(Limits.ForumName).WithMessage($"The name has at most {Limits.ForumName} characters.");
        RuleFor(f => f.RepositoryUrl).WebAddress();
        RuleFor(f => f.ConsultationUrl).WebAddress();
        RuleFor(f => f.ReasonedResponseUrl).WebAddress();
    }
}

/// <summary>A meeting of the forum, on a date, with an optional note of what it discussed.</summary>
public sealed class MeetingForm
{
    [Display(Name = "Meeting date")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "What was discussed (optional)")]
    public string? Note { get; set; }
}

public sealed class MeetingFormValidator : AbstractValidator<MeetingForm>
{
    public MeetingFormValidator()
    {
        RuleFor(f => f.HeldOn).NotNull().WithMessage("Enter the date of the meeting.");
        RuleFor(f => f.Note).MaximumLength(Limits.MeetingNote).WithMessage($"The note has at most {Limits.MeetingNote} characters.");
    }
}

internal static class CoCreationRules
{
    public static void WebAddress<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .MaximumLength(Limits.Url).WithMessage($"The address has at most {Limits.Url} characters.")
        .Must(url => string.IsNullOrWhiteSpace(url) || Domain.Common.WebAddress.IsValid(url.Trim()))
        .WithMessage("Enter a web address starting with http:// or https://.");
}
