using Serilog;

namespace OgpPortal.Web.Shared.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog from the <c>Serilog</c> configuration section: console and a rolling file.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
