using Serilog;

namespace OgpPortal.Web.Shared.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog from the <c>Serilog</c> configuration section: console and a rolling file.</summary>
    /// <param name="warningsOnly">For the command-line tasks, whose own output must not be drowned in information messages.</param>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, bool warningsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // preserveStaticLogger: each host logs through its own logger rather than the static Log.Logger, so
        // several hosts in one process (the tests' factories) do not write into each other's sinks.
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext();
                if (warningsOnly)
                {
                    logger.MinimumLevel.Warning();
                }
            },
            preserveStaticLogger: true);
        return builder;
    }
}
