using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Areas.SupportUnit.DataImport;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Shared.Hosting;

public static class WebServices
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SecurityLog>();
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind a TLS-terminating proxy the request's scheme and client address come from it, so the
            // sign-in cookie is marked Secure and HSTS is sent. Only listed proxies (and loopback) are trusted.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection($"{PortalOptions.Section}:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<BackgroundActor>();

        services.AddPortalSecurityHeaders();
        services.AddDataProtection().SetApplicationName("OgpPortal").PersistKeysToDbContext<PortalDbContext>();
        services.AddPortalIdentity(configuration);
        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, ActForMemberHandler>();
        services.AddScoped<IAuthorizationHandler, AssessPlanHandler>();

        services.AddPortalLocalization();
        services.AddControllersWithViews(options =>
            {
                // Every POST, PUT, PATCH and DELETE must carry a valid antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // FluentValidation is the one source of validation messages.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;

                // A value that cannot be read as its field's type (a region that does not exist, letters in a
                // year) gets a message naming the value and the field.
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}” is not a valid {field.ToLowerInvariant()}.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}” is not a valid value.");
                messages.SetValueIsInvalidAccessor(value => $"“{value}” is not one of the choices offered.");
                messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");

                // Posted values are read in the invariant culture whatever the page's language (ADR 0009).
                var formFactory = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory>().Single();
                options.ValueProviderFactories[options.ValueProviderFactories.IndexOf(formFactory)] = new InvariantFormValueProviderFactory();
            })
            .AddRazorOptions(FeatureFolders)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietTempDataProvider>());

        services.AddValidatorsFromAssemblyContaining<IFeatureService>(ServiceLifetime.Singleton);
        foreach (var type in typeof(IFeatureService).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureService).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }

        services.AddPortalRateLimits(configuration);
        services.AddPortalCaching(configuration);
        services.AddOpenData();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<Search.CommitmentIndex>();
        services.AddSingleton<IContentChangeListener>(sp => sp.GetRequiredService<Search.CommitmentIndex>());
        services.AddOptions<ImportQueueOptions>().Bind(configuration.GetSection(ImportQueueOptions.Section));
        services.AddSingleton<ImportQueueSignal>();
        services.AddScoped<ImportJobs>();
        services.AddHostedService<ImportRunner>();
        services.AddSingleton<DeadlineReminderSignal>();
        services.AddHostedService<DeadlineReminderService>();
        services.AddPortalHealthChecks();
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }

    private static void AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        // The account is read again on every request, so a new role, a deactivation or a signed-out
        // session counts at the user's next request, without waiting or restarting (ADR 0006).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ogp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // A signed-in user without the right role gets a 403 with the friendly page at the same
            // address (rendered by the status-code pages), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// Views live beside their controller: <c>Areas/{Area}/{Feature}/{View}.cshtml</c>, with shared views
    /// in <c>Areas/{Area}/Shared</c> and <c>Shared/</c> (docs/decisions/0001-feature-folders.md).
    /// </summary>
    private static void FeatureFolders(RazorViewEngineOptions options)
    {
        options.AreaViewLocationFormats.Clear();
        options.AreaViewLocationFormats.Add("/Areas/{2}/{1}/{0}.cshtml");
        options.AreaViewLocationFormats.Add("/Areas/{2}/Shared/{0}.cshtml");
        options.AreaViewLocationFormats.Add("/Shared/{0}.cshtml");
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Shared/{0}.cshtml");
    }
}
