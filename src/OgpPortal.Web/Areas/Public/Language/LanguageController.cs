using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Areas.Public.Language;

/// <summary>
/// The language switcher's target: remembers the chosen language in the standard culture cookie and goes
/// back to the page the visitor came from, if that page is on this site (never to another site).
/// It takes no antiforgery token: its form is on every cached public page, which cannot carry a token per
/// visitor (ADR 0015), and a forged post can do no more than change the visitor's language.
/// </summary>
[Route("language")]
[IgnoreAntiforgeryToken]
[ReadFormFirst]
public sealed class LanguageController : PublicController
{
    [HttpPost("")]
    public IActionResult Choose(string? culture, string? returnUrl)
    {
        var back = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (culture is null || !PortalCultures.Supported.Contains(culture))
        {
            this.Error("Choose one of the languages offered.");
            return LocalRedirect(back);
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
            });
        return LocalRedirect(back);
    }
}
