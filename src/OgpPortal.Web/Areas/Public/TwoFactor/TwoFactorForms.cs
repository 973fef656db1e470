using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace OgpPortal.Web.Areas.Public.TwoFactor;

/// <summary>The six-digit code from the authenticator app, at sign-in or when setting the app up.</summary>
public sealed class AuthenticatorCodeForm
{
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class AuthenticatorCodeFormValidator : AbstractValidator<AuthenticatorCodeForm>
{
    public AuthenticatorCodeFormValidator() =>
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the six-digit code from your authenticator app.")
            .Must(code => AuthenticatorCode.Normalise(code).Length == 6 && AuthenticatorCode.Normalise(code).All(char.IsAsciiDigit))
            .WithMessage("The code is six digits, like 123 456.");
}

/// <summary>One of the recovery codes given when two-factor sign-in was set up.</summary>
public sealed class RecoveryCodeForm
{
    [Display(Name = "Recovery code")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator() => RuleFor(f => f.Code).NotEmpty().WithMessage("Enter one of your recovery codes.");
}

/// <summary>What the set-up page shows: the key to type into the app, and the same as an otpauth link.</summary>
public sealed record AuthenticatorSetupViewModel(string SharedKey, string AuthenticatorUri, AuthenticatorCodeForm Form)
{
    /// <summary>The otpauth link as a QR code, a PNG drawn here (QRCoder) and served inline: no outside service sees the key.</summary>
    public string QrCodeDataUri { get; } = "data:image/png;base64," + Convert.ToBase64String(QRCoder.PngByteQRCodeHelper.GetQRCode(AuthenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.Q, 5));
}

/// <summary>The recovery codes shown once after set-up, and where "Continue" leads: the person's own area.</summary>
public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes, string ContinueTo);

public static class AuthenticatorCode
{
    /// <summary>People type codes with spaces or dashes ("123 456"); the app's code is the digits.</summary>
    public static string Normalise(string? code) => new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
