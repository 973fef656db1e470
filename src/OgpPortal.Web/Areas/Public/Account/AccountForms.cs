using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Areas.Public.Account;

public sealed class LoginForm
{
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

public sealed class ForgotPasswordForm
{
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator() => RuleFor(f => f.Email).ValidEmail();
}

public sealed class ResetPasswordForm
{
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "New password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Repeat the new password")]
    public string ConfirmPassword { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choose a new password.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords do not match.");
        RuleFor(f => f.Code).NotEmpty().WithMessage("This reset link is incomplete. Ask for a new one.");
    }
}

/// <summary>An invited person chooses their password through the one-time link in the invitation.</summary>
public sealed class AcceptInvitationForm
{
    [Display(Name = "Choose a password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Repeat the password")]
    public string ConfirmPassword { get; set; } = string.Empty;

    public string User { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;
}

public sealed class AcceptInvitationFormValidator : AbstractValidator<AcceptInvitationForm>
{
    public AcceptInvitationFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords do not match.");
        RuleFor(f => f.Code).NotEmpty().WithMessage("This invitation link is incomplete. Ask the Support Unit for a new one.");
        RuleFor(f => f.User).NotEmpty().WithMessage("This invitation link is incomplete. Ask the Support Unit for a new one.");
    }
}

internal static class AccountRules
{
    /// <summary>One message at a time: the first rule the address fails.</summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage("Enter your e-mail address.")
        .MaximumLength(Limits.Email).WithMessage($"An e-mail address has at most {Limits.Email} characters.")
        .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.");
}
