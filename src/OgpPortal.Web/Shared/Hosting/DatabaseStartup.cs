using Microsoft.Extensions.Options;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.Web.Shared.Hosting;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Migrates the database and, in Development only, fills an empty one with the demo data and prints
    /// the demo accounts. Outside Development nothing is seeded: use the create-admin command.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
        var password = app.Configuration[DemoDataSeeder.PasswordKey];
        foreach (var (email, _, _, note) in DemoAccounts.All)
        {
            LogDemoAccount(app.Logger, email, password, note);
        }

        var mailFolder = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory;
        LogMailFolder(app.Logger, mailFolder);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account: {Email} / {Password} ({Note})")]
    private static partial void LogDemoAccount(ILogger logger, string email, string? password, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is written as .eml files to {Folder}")]
    private static partial void LogMailFolder(ILogger logger, string folder);
}
