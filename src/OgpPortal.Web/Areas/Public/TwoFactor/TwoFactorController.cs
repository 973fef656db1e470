using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.Public.Account;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Public.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): the second step of signing in, recovery codes,
/// and setting the app up — which Support Unit staff must do at their first sign-in.
/// </summary>
[Route("account")]
public sealed partial class TwoFactorController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    PortalDbContext db,
    SecurityLog security,
    ILogger<TwoFactorController> logger) : PublicController
{
    internal const string WrongCode = "That code is not right. Codes change every 30 seconds: enter the one your app shows now.";

    private const string Issuer = "OGP Portal";
    private const string RecoveryCodesKey = "two-factor.recovery-codes";
    private const int RecoveryCodeCount = 10;
    private const string SetupPrefix = nameof(AuthenticatorSetupViewModel.Form);

    [HttpGet("two-factor")]
    public async Task<IActionResult> SignIn(string? returnUrl, bool rememberMe) =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/account/login")
            : View(new AuthenticatorCodeForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost("two-factor")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(AuthenticatorCodeForm form, [FromServices] IValidator<AuthenticatorCodeForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step has expired (or never happened): start again.
            return LocalRedirect("/account/login");
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalise(form.Code), form.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            return await LandAsync(user, form.ReturnUrl);
        }

        if (result.IsLockedOut)
        {
            security.LockedOut(user.Id);
        }
        else
        {
            security.SecondFactorFailed(user.Id, "authenticator code");
        }

        ModelState.AddModelError(nameof(AuthenticatorCodeForm.Code), result.IsLockedOut ? AccountController.InvalidCredentials : WrongCode);
        return View(form);
    }

    [HttpGet("recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/account/login")
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [HttpPost("recovery-code")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form, [FromServices] IValidator<RecoveryCodeForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect("/account/login");
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(form.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            LogRecoveryCodeUsed(logger, user.Id);
            return await LandAsync(user, form.ReturnUrl);
        }

        security.SecondFactorFailed(user.Id, "recovery code");
        ModelState.AddModelError(nameof(RecoveryCodeForm.Code), "That recovery code is not right or has been used already.");
        return View(form);
    }

    [HttpGet("two-factor/setup")]
    public async Task<IActionResult> Setup()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return LocalRedirect("/account/login");
        }

        // Once set up, the key is never shown again (a borrowed session must not copy it); a lost phone is
        // reset by a colleague, after which this page offers a new key.
        return user.TwoFactorEnabled ? AlreadySetUp() : View(await SetupViewAsync(user, new AuthenticatorCodeForm()));
    }

    [HttpPost("two-factor/setup")]
    public async Task<IActionResult> Setup([Bind(Prefix = SetupPrefix)] AuthenticatorCodeForm form, [FromServices] IValidator<AuthenticatorCodeForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return LocalRedirect("/account/login");
        }

        if (user.TwoFactorEnabled)
        {
            return AlreadySetUp();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState, SetupPrefix, cancellationToken))
        {
            return View(await SetupViewAsync(user, form));
        }

        var valid = await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalise(form.Code));
        if (!valid)
        {
            ModelState.AddModelError($"{SetupPrefix}.{nameof(AuthenticatorCodeForm.Code)}", WrongCode);
            return View(await SetupViewAsync(user, form));
        }

        db.AuditEntries.Add(new AuditEntry
        {
            SubjectType = AuditSubjects.Account,
            SubjectKey = user.Email!,
            EntityType = "Account",
            Action = AuditAction.Changed,
            Changes = System.Text.Json.JsonSerializer.Serialize(new[] { new AuditChange("Two-factor sign-in", "Off", "On") }),
        });
        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signInManager.RefreshSignInAsync(user);
        LogTwoFactorEnabled(logger, user.Id);
        TempData[RecoveryCodesKey] = string.Join(' ', codes);
        return RedirectToAction(nameof(RecoveryCodes));
    }

    /// <summary>The recovery codes, shown once, right after set-up (anonymous visitors are sent to sign in by the set-up actions).</summary>
    [HttpGet("two-factor/recovery-codes")]
    public IActionResult RecoveryCodes() =>
        TempData[RecoveryCodesKey] is string codes
            ? View(new RecoveryCodesViewModel(
                codes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                AccountController.LandingPage(User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList())))
            : LocalRedirect("/");

    private LocalRedirectResult AlreadySetUp()
    {
        this.Success("Two-factor sign-in is already set up for your account. If you lost your phone, ask a colleague in the Support Unit to reset it.");
        return LocalRedirect("/");
    }

    private async Task<AuthenticatorSetupViewModel> SetupViewAsync(ApplicationUser user, AuthenticatorCodeForm form)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; the session is renewed with it, or the next page would sign the user out.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new AuthenticatorSetupViewModel(Grouped(key!), uri, form);
    }

    /// <summary>The key in groups of four, easier to type: "abcd efgh …".</summary>
    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    private async Task<IActionResult> LandAsync(ApplicationUser user, string? returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        var roles = await userManager.GetRolesAsync(user);
        return LocalRedirect(AccountController.LandingPage(roles));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with two factors")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} signed in with a recovery code")]
    private static partial void LogRecoveryCodeUsed(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} set up two-factor sign-in")]
    private static partial void LogTwoFactorEnabled(ILogger logger, string userId);
}
