using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// The interface in English, Spanish and French: the language chosen with the switcher (the culture cookie),
/// else the browser's Accept-Language, else English (docs/decisions/0009-languages.md).
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CaseTolerantLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = PortalCultures.Cultures;
            options.SupportedUICultures = PortalCultures.Cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Spanish, French and members' own text (æ ø å) are written as characters, not as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // FluentValidation's own messages follow the request's UI culture (its LanguageManager has Spanish
        // and French); the portal's messages are translated where they are shown.
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        return services;
    }
}
