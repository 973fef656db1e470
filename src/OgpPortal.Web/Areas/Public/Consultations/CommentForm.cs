using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;

namespace OgpPortal.Web.Areas.Public.Consultations;

/// <summary>A comment from anyone on a plan in consultation.</summary>
public sealed class CommentForm
{
    [Display(Name = "Your comment")]
    public string Text { get; set; } = string.Empty;

    [Display(Name = "Your comment is on")]
    public int? CommitmentId { get; set; }

    [Display(Name = "Your name (optional)")]
    public string? AuthorName { get; set; }

    [Display(Name = "Organisation (optional)")]
    public string? Organisation { get; set; }

    [Display(Name = "Show my name and organisation with my comment")]
    public bool ShowAuthor { get; set; }

    [Display(Name = "E-mail (optional, never shown)")]
    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people, so anything typed here came from a robot.</summary>
    [Display(Name = "Leave this field empty")]
    public string? Website { get; set; }

    public CommentSubmission ToSubmission() => new(Text, CommitmentId, AuthorName, Organisation, ShowAuthor, Email);
}

public sealed partial class CommentFormValidator : AbstractValidator<CommentForm>
{
    /// <summary>More links than this in one comment is the mark of spam.</summary>
    public const int MaxLinks = 3;

    public CommentFormValidator()
    {
        RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Write your comment.")
            .MaximumLength(ConsultationComment.MaxTextLength).WithMessage($"A comment has at most {ConsultationComment.MaxTextLength} characters; please shorten it.")
            .Must(HasWords).WithMessage("A comment needs words of its own, not only links.")
            .Must(t => Links().Count(t) <= MaxLinks).WithMessage($"A comment may contain at most {MaxLinks} links.");
        RuleFor(f => f.AuthorName).MaximumLength(Limits.PersonName).WithMessage($"A name has at most {Limits.PersonName} characters.");
        RuleFor(f => f.Organisation).MaximumLength(Limits.Institution).WithMessage($"An organisation has at most {Limits.Institution} characters.");
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(Limits.Email).WithMessage($"An e-mail address has at most {Limits.Email} characters.")
            .EmailAddress().WithMessage("Enter an e-mail address like name@example.org, or leave it empty.")
            .When(f => !string.IsNullOrWhiteSpace(f.Email));
    }

    /// <summary>At least a few letters remain once the links are taken out.</summary>
    private static bool HasWords(string text) => Links().Replace(text, " ").Count(char.IsLetter) >= 3;

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Links();
}
