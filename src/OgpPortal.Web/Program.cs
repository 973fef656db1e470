using OgpPortal.Infrastructure;
using OgpPortal.Web.Shared.Hosting;

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
