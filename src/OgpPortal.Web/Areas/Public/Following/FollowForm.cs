using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Areas.Public.Following;

/// <summary>What a follow form offers: a member's plans, and optionally one plan.</summary>
public sealed record FollowTargets(int MemberId, string MemberName, int? PlanId, string? PlanName, int? PlanNumber = null);

/// <summary>What can be followed.</summary>
public enum FollowScope
{
    Plan,
    Member,
}

public sealed class FollowForm
{
    [Display(Name = "Your e-mail address")]
    public string Email { get; set; } = string.Empty;

    public FollowScope? Scope { get; set; }

    public int? MemberId { get; set; }

    public int? PlanId { get; set; }

    /// <summary>The honeypot: hidden from people.</summary>
    public string? Website { get; set; }
}

public sealed class FollowFormValidator : AbstractValidator<FollowForm>
{
    public FollowFormValidator()
    {
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your e-mail address.")
            .MaximumLength(Limits.Email).WithMessage($"An e-mail address has at most {Limits.Email} characters.")
            .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.");
        RuleFor(f => f.Scope).NotNull().WithMessage("Choose what to follow.");
        RuleFor(f => f.PlanId).NotNull().When(f => f.Scope == FollowScope.Plan).WithMessage("Choose what to follow.");
        RuleFor(f => f.MemberId).NotNull().When(f => f.Scope == FollowScope.Member).WithMessage("Choose what to follow.");
    }
}
