using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.Tests.Shared;

/// <summary>
/// The real portal over its own database (a SQLite file, or a PostgreSQL database: <see cref="TestDatabase"/>) and
/// its own mail folder, removed afterwards. Development by default, so the demo data and demo accounts exist.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The demo accounts' password, as set in appsettings.Development.json.</summary>
    public const string DemoPassword = "Ogp-Demo-2026!";

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly Lazy<TestDatabase> _database;
    private readonly bool _ownsDatabase;

    public PortalAppFactory()
        : this(id => TestDatabase.Create(id))
    {
    }

    /// <summary>A portal over a database of its own made by <paramref name="createDatabase"/> (given the factory's id), removed with it.</summary>
    protected PortalAppFactory(Func<string, TestDatabase> createDatabase)
    {
        _database = new(() => createDatabase(_id));
        _ownsDatabase = true;
    }

    /// <summary>A second instance over another factory's database (as behind a load balancer); the other factory removes it.</summary>
    protected PortalAppFactory(TestDatabase shared)
    {
        _database = new(shared);
        _ownsDatabase = false;
    }

    /// <summary>The database this portal runs on.</summary>
    public TestDatabase Database => _database.Value;

    /// <summary>The SQLite file, for the tests about SQLite itself (the PostgreSQL build does not compile them).</summary>
    public string DatabasePath => Database is SqliteTestDatabase sqlite
        ? sqlite.Path
        : throw new InvalidOperationException("This test is about the SQLite file; the portal runs on " + Database.Provider + ".");

    public string MailDirectory => Path.Combine(Path.GetTempPath(), $"ogp-portal-test-mail-{_id}");

    protected virtual string Environment => "Development";

    protected virtual int PublicInputPerWindow => 1_000;

    protected virtual int SignInPerWindow => 100_000;

    protected virtual int ApiPerMinute => 100_000;

    /// <summary>Runs work against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }
        finally
        {
            // A test may write straight to the tables (ExecuteUpdate), which the search's index would not hear of.
            Services.GetRequiredService<OgpPortal.Web.Shared.Search.CommitmentIndex>().Forget();
        }
    }

    /// <summary>Creates a fresh account in a role, so a test that changes an account leaves the demo ones alone.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string role, string password = DemoPassword)
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"user-{Guid.NewGuid():N}@ogp.test";
        var (result, user) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, "Test User", role, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user!;
    }

    /// <summary>A new point of contact linked to one member (by code).</summary>
    public async Task<ApplicationUser> CreatePointOfContactAsync(string memberCode)
    {
        var user = await CreateUserAsync(PortalRoles.PointOfContact);
        await WithDbAsync(async db =>
        {
            var memberId = db.Members.Where(m => m.Code == memberCode).Select(m => m.Id).Single();
            db.MemberPointsOfContact.Add(new Domain.Access.MemberPointOfContact { MemberId = memberId, UserId = user.Id });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>
    /// The .eml files written to one address, newest last, once the outbox has delivered every message
    /// that is due (mail is sent in the background; a message waiting for a retry is not waited for).
    /// </summary>
    public async Task<List<MimeKit.MimeMessage>> MailsToAsync(string email)
    {
        await OutboxDeliveredAsync();
        var messages = new List<MimeKit.MimeMessage>();
        if (!Directory.Exists(MailDirectory))
        {
            return messages;
        }

        foreach (var file in Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == email))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Waits (up to 30 seconds) until no message in the outbox is due: each was sent, failed or waits for a retry.</summary>
    public async Task OutboxDeliveredAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await WithDbAsync(db => db.OutgoingMails.AnyAsync(MailDispatcher.Due(DateTime.UtcNow))))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The mail outbox still has due messages after 30 seconds.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The code an authenticator app set up for this account shows now.</summary>
    public async Task<string> AuthenticatorCodeAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
        return Totp.Code(key);
    }

    public async Task<bool> CheckPasswordAsync(string email, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", Database.ConnectionString);
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Every test client comes from the same (unknown) address: the limits per address are raised here
        // and tested with factories of their own.
        builder.UseSetting("Portal:PublicInputPerWindow", PublicInputPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:SignInPerWindow", SignInPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:ApiPerMinute", ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), $"ogp-portal-test-{_id}-.log"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase && _database.IsValueCreated)
            {
                _database.Value.Dispose();
            }

            if (Directory.Exists(MailDirectory))
            {
                Directory.Delete(MailDirectory, recursive: true);
            }
        }
    }
}

/// <summary>
/// The portal as it runs in Production: no demo data, no demo accounts, friendly error pages. A request to
/// <see cref="FailingPath"/> throws inside the pipeline, as a bug would.
/// </summary>
public class ProductionPortalAppFactory : PortalAppFactory
{
    public const string PublicUrl = "https://portal.example.org";
    public const string FailingPath = "/test-only/fail";

    public ProductionPortalAppFactory()
    {
    }

    protected ProductionPortalAppFactory(Func<string, TestDatabase> createDatabase)
        : base(createDatabase)
    {
    }

    protected override string Environment => "Production";

    protected virtual string? ConfiguredPublicUrl => PublicUrl;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicUrl", ConfiguredPublicUrl ?? string.Empty);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingEndpoint>());
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("Simulated failure with secret detail: connection string xyz")
                : nextMiddleware(context));
        };
    }
}

/// <summary>Production with <c>Portal:PublicUrl</c> left out: the portal must refuse to start.</summary>
public sealed class UnconfiguredProductionPortalAppFactory : ProductionPortalAppFactory
{
    protected override string? ConfiguredPublicUrl => null;
}

/// <summary>The portal over an empty database (Production, so no demo data): what an import starts from.</summary>
public sealed class EmptyPortalAppFactory : ProductionPortalAppFactory
{
    public EmptyPortalAppFactory()
    {
    }

    private EmptyPortalAppFactory(Func<string, TestDatabase> createDatabase)
        : base(createDatabase)
    {
    }

    /// <summary>An empty portal on the engine given, whatever this test assembly runs on (to compare the engines).</summary>
    public static EmptyPortalAppFactory On(DatabaseProvider engine) => new(id => TestDatabase.Create(id, engine));
}
