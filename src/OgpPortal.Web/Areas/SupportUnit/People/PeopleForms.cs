using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Areas.SupportUnit.People;

/// <summary>Invites a person: an account without a password, and a mail with a one-time link to choose one.</summary>
public sealed class InviteForm
{
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Name")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "Role")]
    public PortalRole? Role { get; set; }

    /// <summary>For a point of contact: the member they act for.</summary>
    [Display(Name = "Member (points of contact)")]
    public string? MemberCode { get; set; }

    [Display(Name = "Institution (optional)")]
    public string? Institution { get; set; }

    [Display(Name = "Phone (optional)")]
    public string? Phone { get; set; }
}

public sealed class InviteFormValidator : AbstractValidator<InviteForm>
{
    public InviteFormValidator()
    {
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's e-mail address.")
            .MaximumLength(Limits.Email).WithMessage($"An e-mail address has at most {Limits.Email} characters.")
            .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.");
        RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's name.")
            .MaximumLength(Limits.PersonName).WithMessage($"The name has at most {Limits.PersonName} characters.");
        RuleFor(f => f.Role).NotNull().WithMessage("Choose the person's role.").IsInEnum().WithMessage("Choose one of the roles listed.");
        RuleFor(f => f.MemberCode).NotEmpty().When(f => f.Role == PortalRole.PointOfContact)
            .WithMessage("Choose the member this point of contact acts for.");
        RuleFor(f => f.Institution).MaximumLength(Limits.Institution).WithMessage($"The institution has at most {Limits.Institution} characters.");
        RuleFor(f => f.Phone).PhoneNumber();
    }
}

/// <summary>Links a point of contact to a member they act for, with the institution they speak for.</summary>
public sealed class LinkMemberForm
{
    [Display(Name = "Member")]
    public string? MemberCode { get; set; }

    [Display(Name = "Institution (optional)")]
    public string? Institution { get; set; }

    [Display(Name = "Phone (optional)")]
    public string? Phone { get; set; }
}

public sealed class LinkMemberFormValidator : AbstractValidator<LinkMemberForm>
{
    public LinkMemberFormValidator()
    {
        RuleFor(f => f.MemberCode).NotEmpty().WithMessage("Choose a member.");
        RuleFor(f => f.Institution).MaximumLength(Limits.Institution).WithMessage($"The institution has at most {Limits.Institution} characters.");
        RuleFor(f => f.Phone).PhoneNumber();
    }
}

/// <summary>Assigns an IRM researcher to a member's action plan.</summary>
public sealed class AssignPlanForm
{
    [Display(Name = "Member")]
    public string? MemberCode { get; set; }

    [Display(Name = "Action plan number")]
    public int? PlanNumber { get; set; }
}

public sealed class AssignPlanFormValidator : AbstractValidator<AssignPlanForm>
{
    public AssignPlanFormValidator()
    {
        RuleFor(f => f.MemberCode).NotEmpty().WithMessage("Choose the member whose plan the researcher assesses.");
        RuleFor(f => f.PlanNumber).NotNull().WithMessage("Enter the action plan's number.")
            .InclusiveBetween(1, 99).WithMessage("The plan number runs from 1 to 99.");
    }
}

/// <summary>The one role an account holds.</summary>
public sealed class RoleForm
{
    [Display(Name = "Role")]
    public PortalRole? Role { get; set; }
}

public sealed class RoleFormValidator : AbstractValidator<RoleForm>
{
    public RoleFormValidator() =>
        RuleFor(f => f.Role).NotNull().WithMessage("Choose a role.").IsInEnum().WithMessage("Choose one of the roles listed.");
}

internal static class PeopleRules
{
    /// <summary>Digits with the usual separators and an optional leading +, as people write phone numbers.</summary>
    public static void PhoneNumber<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .MaximumLength(Limits.Phone).WithMessage($"A phone number has at most {Limits.Phone} characters.")
        .Matches(@"^\+?[0-9 ().\-/]{5,}$")
        .WithMessage("Enter a phone number with digits, such as +47 22 24 90 90.");
}
