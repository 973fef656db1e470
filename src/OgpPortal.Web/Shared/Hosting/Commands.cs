using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.Web.Areas.SupportUnit.DataImport;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// Command-line tasks run instead of the web server:
/// <c>dotnet run --project src/OgpPortal.Web -- create-admin --email staff@example.org --name "Full Name"</c>
/// (the password is read from the <c>OGP_ADMIN_PASSWORD</c> environment variable, or asked for), and
/// <c>… -- import file.csv [--dry-run]</c> (<see cref="ImportCommand"/>), and
/// <c>… -- backup file.db</c> (a consistent copy of the SQLite database, taken while the portal runs), and
/// <c>… -- generate [--scale 1.0] [--seed 2026]</c> (synthetic scale data for benchmarks, <see cref="GenerateCommand"/>).
/// </summary>
public static class Commands
{
    public const string CreateAdmin = "create-admin";
    public const string PasswordVariable = "OGP_ADMIN_PASSWORD";

    public const string Backup = "backup";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is CreateAdmin or ImportCommand.Name or Backup or GenerateCommand.Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args[0] == ImportCommand.Name)
        {
            // Ctrl+C stops the import; its transaction is not committed, so nothing is saved.
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return await ImportCommand.RunAsync(app.Services, args, Console.Out, stop.Token);
        }

        if (args[0] == GenerateCommand.Name)
        {
            return await GenerateCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
        }

        if (args[0] == Backup)
        {
            return await BackupAsync(app.Services, args, Console.Out, CancellationToken.None);
        }

        return await CreateAdminAsync(app.Services, args, Console.In, Console.Out, Environment.GetEnvironmentVariable(PasswordVariable));
    }

    /// <summary>Copies the SQLite database to a new file: 0 when done, 1 when it could not be, 2 on wrong usage.</summary>
    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length != 2)
        {
            await output.WriteLineAsync($"Usage: {Backup} <new-file.db>  (a consistent copy of the SQLite database, taken while the portal runs)");
            return 2;
        }

        var destination = Path.GetFullPath(args[1]);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackupAsync(destination, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }

        await output.WriteLineAsync($"Backed up to {destination} ({new FileInfo(destination).Length / 1024:N0} KB).");
        return 0;
    }

    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, string? password)
    {
        ArgumentNullException.ThrowIfNull(output);
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync($"Usage: {CreateAdmin} --email staff@example.org [--name \"Full Name\"]  (password from {PasswordVariable} or asked for)");
            return 2;
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteAsync($"Password for {email}: ");
            password = Console.IsInputRedirected ? await input.ReadLineAsync() : ReadHidden();
            await output.WriteLineAsync();
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var (result, _) = await scope.ServiceProvider.GetRequiredService<AccountCreator>()
            .CreateAsync(email, name!, PortalRoles.SupportUnit, password ?? string.Empty);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync(error.Description);
            }

            return 1;
        }

        await output.WriteLineAsync($"Created Support Unit account {email}. Sign in at /account/login.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
