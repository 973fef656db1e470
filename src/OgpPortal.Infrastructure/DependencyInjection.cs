using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Infrastructure.Seeding;

namespace OgpPortal.Infrastructure;

public static class DependencyInjection
{
    private const int PostgreSqlRetries = 3;
    private static readonly TimeSpan PostgreSqlRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL or SQL Server by configuration), e-mail and seeding.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var database = DatabaseSettings.From(configuration, contentRootPath);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, NoCurrentUser>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<ContentChangeInterceptor>();
        services.AddScoped<ReadRouting>();

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>((sp, options) => options
                    .UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(Interceptors(sp)));
                services.AddScoped<ICommitmentTextSearch, SqlServerCommitmentTextSearch>();
                break;
            case DatabaseProvider.PostgreSql:
                // A few quick retries ride out a failover or a restart; a server that stays away gives the
                // "briefly unavailable" page within seconds instead of holding the request for a minute.
                void Primary(IServiceProvider sp, DbContextOptionsBuilder options) => options
                    .UseNpgsql(database.ConnectionString, PostgreSqlRetry)
                    .AddInterceptors(Interceptors(sp));
                if (database.ReadOnlyConnectionString is { } standby)
                {
                    // The scope's context is the primary's or the standby's, as ReadRouting decides.
                    services.AddDbContext<PostgreSqlPortalDbContext>(Primary);
                    services.AddDbContext<PostgreSqlStandbyDbContext>((sp, options) => options
                        .UseNpgsql(standby, PostgreSqlRetry)
                        .AddInterceptors(sp.GetServices<IDbCommandInterceptor>()));
                    services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<ReadRouting>().Decide()
                        ? sp.GetRequiredService<PostgreSqlStandbyDbContext>()
                        : sp.GetRequiredService<PostgreSqlPortalDbContext>());
                    services.AddSingleton<StandbyMonitor>();
                    services.AddHostedService(sp => sp.GetRequiredService<StandbyMonitor>());
                }
                else
                {
                    services.AddDbContext<PortalDbContext, PostgreSqlPortalDbContext>(Primary);
                }

                services.AddScoped<ICommitmentTextSearch, PostgreSqlCommitmentTextSearch>();
                break;
            default:
                services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, options) => options
                    .UseSqlite(database.ConnectionString)
                    .AddInterceptors(Interceptors(sp))
                    .AddInterceptors(new SqliteUnicodeLower()));
                services.AddScoped<ICommitmentTextSearch, SqliteCommitmentTextSearch>();
                break;
        }

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRootPath));
        var delivery = configuration.GetSection(EmailOptions.Section).GetValue<EmailDelivery?>(nameof(EmailOptions.Delivery));
        if (delivery == EmailDelivery.Smtp)
        {
            services.AddScoped<IEmailTransport, SmtpTransport>();
        }
        else
        {
            services.AddScoped<IEmailTransport, PickupDirectoryTransport>();
        }

        // Mail goes into the outbox; the dispatcher delivers it and retries (docs/decisions/0013-mail-outbox.md).
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddHostedService<MailDispatcher>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ScaleDataGenerator>();
        services.AddScoped<AccountCreator>();
        services.AddScoped<Interchange.OgpDataImporter>();
        services.AddScoped<Interchange.OgpDataExporter>();
        return services;
    }

    /// <summary>
    /// The audit trail's interceptor, the one that tells the cache of public pages about committed changes,
    /// and any command interceptor registered in the container (the tests' query counter, a diagnostics tool).
    /// </summary>
    private static void PostgreSqlRetry(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.EnableRetryOnFailure(PostgreSqlRetries, PostgreSqlRetryDelay, null);

    private static IEnumerable<IInterceptor> Interceptors(IServiceProvider services) =>
    [
        services.GetRequiredService<AuditInterceptor>(),
        services.GetRequiredService<ContentChangeInterceptor>(),
        .. services.GetServices<IDbCommandInterceptor>(),
    ];

    private sealed class NoCurrentUser : ICurrentUser
    {
        public string? UserName => null;
    }
}
