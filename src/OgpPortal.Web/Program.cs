using OgpPortal.Infrastructure;
using OgpPortal.Web.Shared.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalLogging(warningsOnly: Commands.IsCommand(args));
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddWeb(builder.Configuration);

    var app = builder.Build();

    if (Commands.IsCommand(args))
    {
        return await Commands.RunAsync(app, args);
    }

    await app.PrepareDatabaseAsync();
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (PortalConfigurationException e)
{
    // A setting the portal cannot start with: one sentence for the operator, not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
