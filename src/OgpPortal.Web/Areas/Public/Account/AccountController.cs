using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Web.Areas.Public.TwoFactor;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Validation;

namespace OgpPortal.Web.Areas.Public.Account;

/// <summary>Sign in, sign out and password reset by e-mail link.</summary>
[Route("account")]
public sealed partial class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    SecurityLog security,
    ILogger<AccountController> logger) : PublicController
{
    // One message for every failure (unknown address, wrong password, locked account), so the form never
    // tells anyone which addresses have accounts.
    internal const string InvalidCredentials =
        "The e-mail address or password is not right. After five failed attempts an account is locked for 15 minutes.";

    internal const string InvalidInvitation = "This invitation link is not valid, has expired or has already been used. Ask the Support Unit to send a new invitation.";

    internal const string InvalidResetLink = "This reset link is not valid, has expired or has already been used. Ask for a new link.";

    private static readonly ApplicationUser NoUser = new();

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var user = await userManager.FindByEmailAsync(form.Email);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            userManager.PasswordHasher.HashPassword(NoUser, form.Password);
            security.SignInFailed(null);
            ModelState.AddModelError(string.Empty, InvalidCredentials);
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : LocalRedirect(await LandingPageAsync(user));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorController.SignIn), "TwoFactor", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
        }

        if (result.IsLockedOut)
        {
            security.LockedOut(user.Id);
        }
        else
        {
            security.SignInFailed(user.Id);
        }

        ModelState.AddModelError(string.Empty, InvalidCredentials);
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> ForgotPassword(
        ForgotPasswordForm form,
        [FromServices] IValidator<ForgotPasswordForm> validator,
        [FromServices] IEmailSender emailSender,
        [FromServices] IOptions<PortalOptions> portal,
        [FromServices] IStringLocalizer<SharedResource> L,
        CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        // The answer is the same whether or not the account exists, so the form reveals no addresses.
        var user = await userManager.FindByEmailAsync(form.Email);
        if (user is not null && user.DeactivatedAt is null && await userManager.IsEmailConfirmedAsync(user))
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = portal.Value.Link(Url.Action(nameof(ResetPassword), new { code, email = user.Email })!);
            // Queued in the outbox: a mail server that is down delays the mail, and the answer stays the same.
            // In the account's language when it is known, else in the language of the page that asked.
            var (subject, body) = PortalCultures.InLanguage(user.Language ?? PortalCultures.Current, () => (
                L["Reset your OGP Portal password"].Value,
                string.Join(
                    "\n\n",
                    L["Hello {0},", user.DisplayName],
                    $"{L["Someone asked to reset the password of your OGP Portal account."]} {L["To choose a new password, open this link within two hours:"]}",
                    link,
                    L["If you did not ask for this, ignore this message: your password stays as it is."]) + "\n"));
            await emailSender.SendAsync(new EmailMessage(user.Email!, subject, body), cancellationToken);
            LogResetSent(logger, user.Id);
        }

        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult ForgotPasswordSent() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? code, string? email) =>
        View(new ResetPasswordForm { Code = code ?? string.Empty, Email = email ?? string.Empty });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] IValidator<ResetPasswordForm> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var user = await userManager.FindByEmailAsync(form.Email);
        var token = DecodeToken(form.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, InvalidResetLink);
            return View(form);
        }

        var result = await userManager.ResetPasswordAsync(user, token, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var invalidToken = error.Code == nameof(IdentityErrorDescriber.InvalidToken);
                ModelState.AddModelError(
                    invalidToken ? string.Empty : nameof(ResetPasswordForm.Password),
                    invalidToken ? InvalidResetLink : error.Description);
            }

            return View(form);
        }

        // Proving control of the mailbox lifts a lock caused by failed sign-ins, and nothing longer.
        var lockoutEnd = await userManager.GetLockoutEndDateAsync(user);
        if (lockoutEnd is { } end && end <= DateTimeOffset.UtcNow.Add(userManager.Options.Lockout.DefaultLockoutTimeSpan))
        {
            await userManager.SetLockoutEndDateAsync(user, null);
        }

        await userManager.ResetAccessFailedCountAsync(user);
        LogPasswordReset(logger, user.Id);
        return RedirectToAction(nameof(ResetPasswordDone));
    }

    [HttpGet("reset-password/done")]
    public IActionResult ResetPasswordDone() => View();

    [HttpGet("invitation")]
    public IActionResult Invitation(string? user, string? code) =>
        View(new AcceptInvitationForm { User = user ?? string.Empty, Code = code ?? string.Empty });

    [HttpPost("invitation")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Invitation(AcceptInvitationForm form, [FromServices] IValidator<AcceptInvitationForm> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState, cancellationToken))
        {
            return View(form);
        }

        var user = await userManager.FindByIdAsync(form.User);
        var token = DecodeToken(form.Code);
        if (user is null || token is null || user.PasswordHash is not null || user.DeactivatedAt is not null
            || !await userManager.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token))
        {
            ModelState.AddModelError(string.Empty, InvalidInvitation);
            return View(form);
        }

        // Following the link proves the address; setting the password renews the security stamp, so the link dies.
        user.EmailConfirmed = true;
        var result = await userManager.AddPasswordAsync(user, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(AcceptInvitationForm.Password), error.Description);
            }

            return View(form);
        }

        LogInvitationAccepted(logger, user.Id);
        this.Success("Your password is set. Sign in with your e-mail address and the new password.");
        return LocalRedirect("/account/login");
    }

    private static string? DecodeToken(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<string> LandingPageAsync(ApplicationUser user) => LandingPage(await userManager.GetRolesAsync(user));

    /// <summary>Where a user lands after signing in: their role's area.</summary>
    internal static string LandingPage(IList<string> roles) =>
        roles.Contains(PortalRoles.SupportUnit) ? "/support-unit"
        : roles.Contains(PortalRoles.IrmResearcher) ? "/irm"
        : roles.Contains(PortalRoles.PointOfContact) ? "/poc"
        : "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link queued for user {UserId}")]
    private static partial void LogResetSent(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} accepted their invitation")]
    private static partial void LogInvitationAccepted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} reset their password")]
    private static partial void LogPasswordReset(ILogger logger, string userId);
}
