using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Every page runs a bounded number of SQL commands, and the same number with ten times the data (issue 10):
/// no N+1 query can hide behind demo-sized data. The pages are the access matrix's addresses, each read by a
/// principal allowed to; the commands of each request are counted by an EF Core command interceptor.
/// </summary>
public sealed class QueryBudgetTests(QueryBudgetTests.CountingFactory factory) : IClassFixture<QueryBudgetTests.CountingFactory>
{
    /// <summary>
    /// What any page may run of its own, on top of the sign-in check every signed-in request makes (the
    /// account, its roles and claims are read again on every request, ADR 0006; measured per principal on a
    /// page that reads nothing else).
    /// </summary>
    private const int Budget = 5;

    /// <summary>The pages that need more, with theirs and why. Each is still the same at any data size.</summary>
    private static readonly Dictionary<string, (int Commands, string Why)> Exceptions = new(StringComparer.Ordinal)
    {
        ["commitments"] = (13, "the search (ADR 0019): the page's rows, and the words' full-text match; when the in-memory index of public records is stale (once per change, not per request), its rebuild: the version read twice and nine reads (members, taxonomy, plans, commitments, their areas, IRM findings, legacy findings, IRM reports and Challenge entries for the search box)"),
        ["statistics"] = (11, "nothing of its own: every chart is counted from the search's in-memory index, so only the index's rebuild when it is stale (the version read twice and nine reads, as for the search)"),
        ["action-plans/{id:int}"] = (7, "the plan split into itself, its commitments, their milestones and the milestones' evidence files (each narrowed to it), its IRM findings, its consultation's tally and its co-creation checklist"),
        ["support-unit/plans/{id:int}"] = (6, "the plan's record: the plan, its co-creation fields, meetings, researchers, IRM reports and its co-creation checklist"),
        ["poc/commitments/{id:int}/edit"] = (6, "the commitment editor loads its plan as one aggregate (split into plan, commitments, milestones and policy areas) and the taxonomy"),
        ["commitments/{identifier}"] = (7, "the commitment split into itself, its policy areas, milestones, their evidence files and progress notes (each narrowed to it: as one query SQLite built them for every commitment), and its IRM findings"),
        ["poc"] = (8, "the dashboard: the contact's members, their plans, deadlines, overdue milestones, returned commitments, comments to moderate, Challenge entries and reports"),
        ["support-unit"] = (8, "the dashboard: members and plans in numbers, plans to review and to close, reports open for comment, Challenge entries to decide, comments to moderate, and the members' cycles"),
    };

    private static readonly Principal[] Readers = [Principal.Anonymous, Principal.SupportUnit, Principal.PocOfA, Principal.IrmAssigned];

    [Fact]
    public async Task Every_page_runs_a_bounded_number_of_SQL_commands_whatever_the_data_size()
    {
        var records = await MatrixRecords.MakeAsync(factory);
        var clients = new Dictionary<Principal, HttpClient>
        {
            [Principal.Anonymous] = factory.CreateBrowserlikeClient(),
            [Principal.SupportUnit] = await factory.SignedInClientAsync(DemoAccounts.SupportUnit),
            [Principal.PocOfA] = await factory.SignedInClientAsync(DemoAccounts.PocNorway),
            [Principal.IrmAssigned] = await factory.SignedInClientAsync(DemoAccounts.IrmResearcher),
        };
        await records.AddImportJobAsync(clients[Principal.SupportUnit]);
        var pages = Pages(records).ToList();

        var overhead = new Dictionary<Principal, int>();
        foreach (var (principal, client) in clients)
        {
            overhead[principal] = (await CountAsync([("data", "/data", principal)], clients))["/data"];
        }

        var small = await CountAsync(pages, clients);
        await GrowAsync(records);
        var large = await CountAsync(pages, clients);

        var report = pages.Select(p => $"{p.Url} as {p.Reader}: {small[p.Url]} → {large[p.Url]}").ToList();
        var grew = pages.Where(p => large[p.Url] > small[p.Url]).Select(p => $"{p.Url} as {p.Reader}: {small[p.Url]} commands, {large[p.Url]} with more data").ToList();
        var over = pages.Where(p => large[p.Url] - overhead[p.Reader] > (Exceptions.TryGetValue(p.Pattern, out var e) ? e.Commands : Budget))
            .Select(p => $"{p.Url} as {p.Reader}: {large[p.Url] - overhead[p.Reader]} of its own").ToList();
        Assert.True(pages.Count > 100, $"Only {pages.Count} pages were read.");
        Assert.Equal(0, overhead[Principal.Anonymous]);
        Assert.All(Exceptions.Keys, pattern => Assert.Contains(pattern, pages.Select(p => p.Pattern)));
        Assert.True(grew.Count == 0, "Commands grew with the data:\n" + string.Join('\n', grew));
        Assert.True(over.Count == 0, $"Over the budget of {Budget}:\n" + string.Join('\n', over) + "\n\nAll:\n" + string.Join('\n', report));
    }

    [Fact]
    public async Task The_files_of_wwwroot_are_served_without_reading_the_account()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/css/site.css", UriKind.Relative));
        request.Headers.Add(CountingFactory.Header, id);

        using var response = await staff.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, factory.Counter.Take(id));
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    /// <summary>Each address of the access matrix read with a GET, by the first of <see cref="Readers"/> the table lets in.</summary>
    private static IEnumerable<(string Pattern, string Url, Principal Reader)> Pages(MatrixRecords records) =>
        from row in AccessMatrixTests.Table
        where row.Method == "GET" && row.Pattern != AccessMatrix.StaticAssets && !row.Pattern.StartsWith("api/reference", StringComparison.Ordinal)
        let reader = Readers.FirstOrDefault(p => row.Expected[(int)p] == Outcome.Ok, Principal.Anonymous)
        from url in row.Urls.Select(records.Fill)
        select (row.Pattern, url, reader);

    private async Task<Dictionary<string, int>> CountAsync(List<(string Pattern, string Url, Principal Reader)> pages, Dictionary<Principal, HttpClient> clients)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, url, reader) in pages)
        {
            var id = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add(CountingFactory.Header, id);
            using var response = await clients[reader].SendAsync(request);
            counts[url] = factory.Counter.Take(id);
        }

        return counts;
    }

    /// <summary>Ten times the data: 600 more commitments in an imported member's plan, 200 in member A's draft.</summary>
    private async Task GrowAsync(MatrixRecords records)
    {
        await factory.ImportAsync(OgpFiles.Small([.. Enumerable.Range(1, 600).Select(i => OgpFiles.Row(i, $"Grown commitment {i}"))]));
        await factory.WithDbAsync(async db =>
        {
            var plan = (await db.LoadPlanAsync(int.Parse(records["draftPlan"], CultureInfo.InvariantCulture), CancellationToken.None))!;
            foreach (var number in Enumerable.Range(903, 200))
            {
                plan.AddCommitment(CommitmentIdentifier.Create("NO", number), new CommitmentText($"Grown draft commitment {number}", null, null, null, null, "Ministry of Digitalisation", null, null, null));
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The portal with a command counter: a request carrying <see cref="Header"/> has its commands counted under that id.</summary>
    public sealed class CountingFactory : PortalAppFactory
    {
        public const string Header = "X-Count-Commands";

        public CommandCounter Counter { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IDbCommandInterceptor>(Counter).AddTransient<IStartupFilter>(_ => Counter));
        }
    }

    /// <summary>Counts the SQL commands each marked request runs (the count follows the request's async flow).</summary>
    public sealed class CommandCounter : DbCommandInterceptor, IStartupFilter
    {
        private static readonly AsyncLocal<StrongBox<int>?> Current = new();
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Take(string id) => _counts.TryRemove(id, out var count) ? count : throw new InvalidOperationException($"Request {id} was not counted.");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers[CountingFactory.Header].ToString() is not { Length: > 0 } id)
                {
                    await nextMiddleware(context);
                    return;
                }

                var count = new StrongBox<int>();
                Current.Value = count;
                await nextMiddleware(context);
                _counts[id] = count.Value;
            });
            next(app);
        };

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Counted(result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Counted(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Counted(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

        private static T Counted<T>(T result)
        {
            if (Current.Value is { } count)
            {
                Interlocked.Increment(ref count.Value);
            }

            return result;
        }
    }
}
