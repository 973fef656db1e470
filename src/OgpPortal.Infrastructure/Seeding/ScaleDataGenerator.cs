using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using static OgpPortal.Infrastructure.Seeding.ScaleDataText;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>How much scale data to make: the issue's figures times the scale.</summary>
public sealed record ScaleDataSize(int Members, int Plans, int Commitments, int Milestones, int ChallengeEntries)
{
    public static readonly ScaleDataSize Default = new(300, 3_000, 60_000, 200_000, 1_500);

    /// <summary>Each figure times <paramref name="scale"/>, rounded, with at least one member and one of each below it.</summary>
    public static ScaleDataSize For(double scale)
    {
        int Of(int figure, int atLeast) => Math.Max(atLeast, (int)Math.Round(figure * scale, MidpointRounding.AwayFromZero));
        var members = Of(Default.Members, 1);
        var plans = Of(Default.Plans, members);
        var commitments = Of(Default.Commitments, plans);
        return new(members, plans, commitments, Of(Default.Milestones, commitments), Of(Default.ChallengeEntries, 0));
    }
}

/// <summary>What the generator made: rows per table, how long it took.</summary>
public sealed record ScaleDataReport(int Seed, double Scale, IReadOnlyList<(string Table, int Rows)> Rows, TimeSpan Duration)
{
    public int Total => Rows.Sum(r => r.Rows);

    public int RowsOf(string table) => Rows.Where(r => r.Table == table).Sum(r => r.Rows);
}

/// <summary>
/// Fills a database with synthetic OGP data at a chosen scale, for benchmarks (bench/README.md, "Scale data"):
/// national and local members in every region, plans from 2012 to 2026 in every status, commitments with
/// texts and milestones, progress, IRM assessments and Open Gov Challenge entries. Every record is built
/// through the domain's own methods (create, submit, accept, publish, record progress, close, assess,
/// publish a report), so it obeys the portal's rules; it is then written in one transaction by
/// <see cref="BulkTableWriter"/> (prepared inserts on SQLite, binary COPY on PostgreSQL), without change tracking or
/// the audit trail: made-up data needs no trace of who changed it. SQLite's full-text index is rebuilt once at the
/// end (<see cref="FullTextIndex"/>); PostgreSQL's search vector is a generated column with its GIN index, kept by
/// the server as rows arrive, and the identity sequences are moved past the ids written. SQLite and PostgreSQL only.
/// Deterministic: the same seed and scale over the same database give the same rows, since every value
/// (names, dates, stamps, concurrency versions) comes from one seeded <see cref="Random"/> and a fixed
/// reference day, never the clock.
/// Safe: it refuses any database but an empty one or one holding only the demo data, and a second run.
/// </summary>
public sealed class ScaleDataGenerator(PortalDbContext db)
{
    public const int DefaultSeed = 2026;

    /// <summary>
    /// "Today" for the generated data. Fixed, so the data does not depend on the day it is made: plans that
    /// ended before it are closed, later ones are still implemented or in review.
    /// </summary>
    public static readonly DateOnly ReferenceDay = new(2026, 11, 1);

    /// <summary>Written as <see cref="Member.Notes"/> of every generated member (never public): how a second run is recognised.</summary>
    public const string Marker = "Synthetic scale data made by the generate command";

    /// <summary>The stamp of who created and last changed generated records.</summary>
    public const string Author = "generate (scale data)";

    private const string CodeLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Why the generator will not fill this database, or null when it may.</summary>
    public async Task<string?> RefusalAsync(CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            return "The generate command runs on SQLite and PostgreSQL databases only (their bulk paths: prepared inserts, binary COPY); this one is SQL Server. Generate into SQLite or PostgreSQL.";
        }

        if (await db.Members.AnyAsync(m => m.Notes == Marker, cancellationToken))
        {
            return "This database already holds generated scale data; generate into a fresh database (or the demo data) instead.";
        }

        var accounts = await db.Users.Select(u => u.Email).ToListAsync(cancellationToken);
        var demoAccounts = DemoAccounts.All.Select(a => a.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var otherAccounts = accounts.Where(e => e is null || !demoAccounts.Contains(e)).ToList();
        if (otherAccounts.Count > 0)
        {
            return $"This database has accounts other than the demo accounts (such as {otherAccounts[0] ?? "one without an address"}): it looks like a real portal's database. The generator fills only an empty database or one holding only the demo data.";
        }

        var members = await db.Members.Select(m => new { m.Code, m.DataCode }).ToListAsync(cancellationToken);
        var otherMember = members.FirstOrDefault(m => m.DataCode is not null || !DemoDataSeeder.MemberCodes.Contains(m.Code));
        if (otherMember is not null)
        {
            return $"This database has members other than the demo data (such as {otherMember.Code}): it looks like a real portal's database. The generator fills only an empty database or one holding only the demo data.";
        }

        return null;
    }

    /// <summary>Generates the data, all or nothing (one transaction). Throws <see cref="InvalidOperationException"/> when refused.</summary>
    public async Task<ScaleDataReport> GenerateAsync(double scale, int seed, CancellationToken cancellationToken = default)
    {
        if (!(scale > 0) || scale > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is a number above 0 and at most 10.");
        }

        if (await RefusalAsync(cancellationToken) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var clock = Stopwatch.StartNew();
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (sqlite)
            {
                // A larger page cache for the one big transaction (this connection only).
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072;", cancellationToken);
            }

            // PostgreSQL's connection retries transient failures, so a transaction of our own runs inside the
            // execution strategy; a second attempt starts again from the seed and makes the same rows.
            var report = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                using var run = new Run(db, transaction.GetDbTransaction(), new Random(seed), ScaleDataSize.For(scale));
                await run.PrepareAsync(cancellationToken);
                // PostgreSQL computes the search vectors and fills the GIN index as the rows arrive: dropping the index
                // for the run and creating it afterwards measured no faster (scale 1, Debug build: 45 s and 6 s, against 46 s),
                // most of the time being the vectors themselves (unaccent), which a generated column cannot put off.
                var index = sqlite ? await FullTextIndex.SuspendAsync(db, transaction.GetDbTransaction(), cancellationToken) : null;
                run.Write(cancellationToken);
                if (index is not null)
                {
                    await index.RebuildAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return new ScaleDataReport(seed, scale, run.Rows(), clock.Elapsed);
            });

            // The rows went in below EF Core's change tracking: a running portal learns of them from the version.
            await PublicContentVersions.BumpAsync(db, cancellationToken);

            if (sqlite)
            {
                // Fold the write-ahead log into the database file, so the file alone holds the data.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            }
            else
            {
                // PostgreSQL's autovacuum would analyse the new rows only later: the planner needs their statistics now.
                // (SQLite's are refreshed by the portal's next start, DatabaseInitializer.)
                await DatabaseStatistics.RefreshAfterBulkChangeAsync(db.Database, cancellationToken);
            }

            return report with { Duration = clock.Elapsed };
        }
        finally
        {
            if (sqlite)
            {
                // Back to SQLite's default cache before the connection returns to the pool.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Splits <paramref name="total"/> into parts proportional to the weights, each at least <paramref name="minimum"/>, summing exactly to the total.</summary>
    internal static int[] Split(int total, double[] weights, int minimum)
    {
        var parts = new int[weights.Length];
        if (weights.Length == 0)
        {
            return parts;
        }

        var rest = Math.Max(0, total - (weights.Length * minimum));
        var sum = weights.Sum();
        var fractions = new double[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = rest * weights[i] / sum;
            parts[i] = minimum + (int)exact;
            fractions[i] = exact - (int)exact;
            given += (int)exact;
        }

        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).Take(rest - given))
        {
            parts[i]++;
        }

        return parts;
    }

    /// <summary>
    /// The commitments' full-text index (SQLite FTS5, external content, kept by triggers; ADR 0007) during a bulk
    /// insert: indexing row by row through the insert trigger costs twice as long as FTS5's own 'rebuild' of the
    /// whole index afterwards. So the insert triggers are dropped for the run and created again from their own
    /// SQL, as the migration wrote it, inside the same transaction (a failure restores them with everything else).
    /// </summary>
    private sealed class FullTextIndex(DbTransaction transaction, string table, IReadOnlyList<(string Name, string Sql)> triggers)
    {
        public static async Task<FullTextIndex> SuspendAsync(PortalDbContext db, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var commitments = db.Model.FindEntityType(typeof(Commitment))!.GetTableName()!;
            var table = (await QueryAsync(transaction, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' AND sql LIKE $content", cancellationToken, ("$content", $"%content='{commitments}'%")))
                .Single().Name;
            var triggers = await QueryAsync(transaction, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $table AND sql LIKE '%AFTER INSERT%' AND sql LIKE $index", cancellationToken, ("$table", commitments), ("$index", $"%{table}%"));
            foreach (var (name, _) in triggers)
            {
                await ExecuteAsync(transaction, $"DROP TRIGGER \"{name}\"", cancellationToken);
            }

            return new FullTextIndex(transaction, table, triggers);
        }

        public async Task RebuildAsync(CancellationToken cancellationToken)
        {
            await ExecuteAsync(transaction, $"INSERT INTO \"{table}\"(\"{table}\") VALUES ('rebuild')", cancellationToken);
            foreach (var (_, sql) in triggers)
            {
                await ExecuteAsync(transaction, sql, cancellationToken);
            }
        }

        private static async Task<List<(string Name, string Sql)>> QueryAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }

            var rows = new List<(string, string)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            return rows;
        }

        private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One generation: the random source, the counts, the table writers and the next id of each table.</summary>
    private sealed class Run(PortalDbContext db, DbTransaction transaction, Random random, ScaleDataSize size) : IDisposable
    {
        private readonly Dictionary<Type, BulkTableWriter> _writers = [];
        private readonly Dictionary<Type, int> _nextIds = [];
        private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly List<(string Name, Region Region)> _countries = [];
        private BulkTableWriter _policyAreaLinks = null!;
        private (string Commitment, string PolicyArea) _linkColumns;
        private Dictionary<string, PolicyArea> _areas = null!;

        /// <summary>How many rows the writers may hold (PostgreSQL's COPY) before they send them: some tens of megabytes.</summary>
        private const int HeldRows = 50_000;

        /// <summary>The tables written, parents before children.</summary>
        private static readonly Type[] Tables =
        [
            typeof(Member), typeof(MemberStatusChange), typeof(ActionPlan), typeof(Commitment), typeof(Milestone), typeof(ProgressNote),
            typeof(IrmReport), typeof(CommitmentAssessment), typeof(LegacyAssessment), typeof(ChallengeEntry), typeof(ChallengeMilestone),
        ];

        public async Task PrepareAsync(CancellationToken cancellationToken)
        {
            _codes.UnionWith(await db.Members.Select(m => m.Code).ToListAsync(cancellationToken));
            _names.UnionWith(await db.Members.Select(m => m.Name).ToListAsync(cancellationToken));
            _areas = PolicyAreaCatalog.All.ToDictionary(a => a.Name, StringComparer.Ordinal);
            foreach (var type in Tables)
            {
                var entity = db.Model.FindEntityType(type)!;
                _writers[type] = BulkTableWriter.Create(db, entity, transaction);
                var key = entity.FindPrimaryKey()!.Properties.Single();
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                var sql = db.GetService<ISqlGenerationHelper>();
                command.CommandText = $"SELECT COALESCE(MAX({sql.DelimitIdentifier(key.GetColumnName())}), 0) FROM {sql.DelimitIdentifier(entity.GetTableName()!)}";
                _nextIds[type] = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
            }

            // The commitments' policy areas: EF Core's join entity of the many-to-many, its columns from the model.
            var links = db.Model.FindEntityType(typeof(Commitment))!.FindSkipNavigation(nameof(Commitment.PolicyAreas))!;
            _policyAreaLinks = BulkTableWriter.Create(db, links.JoinEntityType, transaction);
            _linkColumns = (links.ForeignKey.Properties.Single().Name, links.Inverse.ForeignKey.Properties.Single().Name);
        }

        public IReadOnlyList<(string Table, int Rows)> Rows() =>
            [.. Writers().Select(w => (w.TableName, w.Rows))];

        public void Dispose()
        {
            foreach (var writer in _writers.Values)
            {
                writer.Dispose();
            }

            _policyAreaLinks?.Dispose();
        }

        public void Write(CancellationToken cancellationToken)
        {
            var members = MakeMembers();
            var plansPerMember = Split(size.Plans, [.. members.Select(m => (m.Kind == MemberKind.National ? 1.5 : 1.0) * Weight())], 1);
            var commitmentsPerPlan = Split(size.Commitments, [.. Enumerable.Range(0, size.Plans).Select(_ => Weight())], 1);
            var milestonesPerCommitment = Split(size.Milestones, [.. Enumerable.Range(0, size.Commitments).Select(_ => Weight())], 1);
            var entriesPerMember = Split(size.ChallengeEntries, [.. members.Select(_ => Weight())], 0);
            var plan = 0;
            var commitment = 0;
            for (var m = 0; m < members.Count; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = members[m];
                var language = Language(random, member.Region);
                var plans = new List<ActionPlan>();
                var number = 0;
                for (var p = 0; p < plansPerMember[m]; p++, plan++)
                {
                    var counts = milestonesPerCommitment.AsSpan(commitment, commitmentsPerPlan[plan]).ToArray();
                    commitment += counts.Length;
                    plans.Add(MakePlan(member, p, plansPerMember[m], language, counts, ref number));
                }

                WriteMember(member, plans);
                WriteChallengeEntries(member, plans, entriesPerMember[m], language);
                if (Writers().Sum(w => w.Pending) >= HeldRows)
                {
                    foreach (var writer in Writers())
                    {
                        writer.Flush();
                    }
                }
            }

            foreach (var writer in Writers())
            {
                writer.Complete();
            }
        }

        /// <summary>Every table's writer, parents before children (the order rows held must reach the database in).</summary>
        private IEnumerable<BulkTableWriter> Writers() => [.. Tables.Select(t => _writers[t]), _policyAreaLinks];

        /// <summary>A weight between 0.3 and 1.7 (mean 1): counts vary from member to member and plan to plan.</summary>
        private double Weight() => 0.3 + (random.NextDouble() * 1.4);

        private int NextId<T>() => _nextIds[typeof(T)]++;

        private Guid NewVersion()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private static DateTime At(DateOnly day, int hour = 10) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        private void Stamp(Domain.Common.AuditableEntity entity, DateTime created, DateTime updated)
        {
            entity.CreatedAt = created;
            entity.UpdatedAt = updated;
            entity.CreatedBy = Author;
            entity.UpdatedBy = Author;
            if (entity is Domain.Common.IConcurrencyVersioned versioned)
            {
                versioned.Version = NewVersion();
            }
        }

        // ---- Members ---------------------------------------------------------------------------------

        /// <summary>A third national, two thirds local (as OGP's about 75 and 150), in every region in turn.</summary>
        private List<Member> MakeMembers()
        {
            var nationals = Math.Max(1, size.Members / 3);
            var members = new List<Member>();
            for (var i = 0; i < size.Members; i++)
            {
                var national = i < nationals;
                var region = (Region)(i % 4);
                string name;
                string country;
                if (national)
                {
                    name = Unique(() => CountryName(random, region));
                    country = name;
                    _countries.Add((name, region));
                }
                else
                {
                    var inRegion = _countries.Where(c => c.Region == region).ToList();
                    country = inRegion.Count > 0 ? Pick(random, inRegion).Name : CountryName(random, region);
                    name = Unique(() => CityName(random));
                }

                var member = new Member
                {
                    Id = NextId<Member>(),
                    Name = name,
                    Code = MakeCode(name, national ? 2 : 3),
                    Kind = national ? MemberKind.National : MemberKind.Local,
                    Region = region,
                    Country = country,
                    JoinedYear = national ? Pick(random, [2011, 2011, 2011, 2012, 2013, 2014, 2016]) : Pick(random, [2016, 2018, 2020, 2020, 2022]),
                    Cohort = random.Next(2) == 0 ? Cohort.EvenYears : Cohort.OddYears,
                    Website = $"https://www.{Slug(name)}.example/open-government",
                    Notes = Marker,
                };
                var joined = new DateOnly(member.JoinedYear, 9, 20);
                Stamp(member, At(joined), At(joined));
                var roll = random.NextDouble();
                if (roll < 0.04)
                {
                    member.ChangeStatus(MemberStatus.UnderProceduralReview, new DateOnly(2025, 1, 1), "The action plan was not delivered by 1 January, four months after its deadline.");
                }
                else if (roll < 0.07)
                {
                    member.ChangeStatus(MemberStatus.Inactive, new DateOnly(2024, 3, 1), "No action plan since the last one ended.");
                }
                else if (roll < 0.08)
                {
                    member.ChangeStatus(MemberStatus.Withdrawn, new DateOnly(2023, 6, 30), "The government notified OGP of its withdrawal.");
                }

                members.Add(member);
            }

            return members;
        }

        private string Unique(Func<string> make)
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = make();
                if (attempt > 20)
                {
                    name = $"{name} {attempt}";
                }

                if (_names.Add(name))
                {
                    return name;
                }
            }
        }

        /// <summary>OGP-style code from the name's letters (two for a country, three or four for a local member), unused so far.</summary>
        private string MakeCode(string name, int length)
        {
            var letters = new string([.. name.Normalize(System.Text.NormalizationForm.FormD).ToUpperInvariant().Where(char.IsAsciiLetterUpper)]);
            for (var width = length; width <= 4; width++)
            {
                for (var i = 1; i < letters.Length; i++)
                {
                    var code = width == 2 ? $"{letters[0]}{letters[i]}" : letters[0] + letters.Substring(i, Math.Min(width - 1, letters.Length - i)).PadRight(width - 1, 'X');
                    if (_codes.Add(code))
                    {
                        return code;
                    }
                }
            }

            while (true)
            {
                var code = new string([.. Enumerable.Range(0, 4).Select(_ => CodeLetters[random.Next(CodeLetters.Length)])]);
                if (_codes.Add(code))
                {
                    return code;
                }
            }
        }

        private static string Slug(string name) =>
            new([.. name.Normalize(System.Text.NormalizationForm.FormD).ToLowerInvariant().Where(char.IsAsciiLetterLower)]);

        // ---- Plans and commitments -----------------------------------------------------------------------

        /// <summary>
        /// Plan <paramref name="index"/> of <paramref name="count"/>: starts spread from the year after joining to 2026
        /// (at this scale members have more plans than OGP's real ones, so some periods overlap); two-year plans, or
        /// four-year ones from 2020. Status from the reference day: ended plans closed (a few not yet), current ones
        /// published, plans starting in 2026 often still in draft or in review.
        /// </summary>
        private ActionPlan MakePlan(Member member, int index, int count, string language, int[] milestones, ref int number)
        {
            var first = Math.Max(2012, member.JoinedYear + 1);
            var year = Math.Min(2026, first + (index * (2027 - first) / count));
            var start = new DateOnly(year, member.Cohort == Cohort.EvenYears ? 7 : 1, 1).AddMonths(random.Next(3));
            var years = year >= 2020 && random.NextDouble() < 0.3 ? 4 : 2;
            var end = start.AddYears(years).AddDays(-1);
            var status = end < ReferenceDay
                ? (random.NextDouble() < 0.92 ? ActionPlanStatus.Closed : ActionPlanStatus.Published)
                : start.Year >= 2026
                    ? Pick(random, [ActionPlanStatus.Draft, ActionPlanStatus.Draft, ActionPlanStatus.Submitted, ActionPlanStatus.Submitted, ActionPlanStatus.Published])
                    : ActionPlanStatus.Published;

            var topics = Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Pick(random, Topics)).ToList();
            var plan = ActionPlan.CreateDraft(
                member,
                index + 1,
                $"{member.Name} {(member.Kind == MemberKind.National ? "national action plan" : "action plan")} {start.Year}–{end.Year}",
                start,
                end,
                $"Co-created by the multi-stakeholder forum with {2 + random.Next(40)} civil society organisations; ideas were collected online and at {1 + random.Next(8)} public meetings on {string.Join(", ", topics.Select(t => t.Theme.ToLowerInvariant()).Distinct())}.");
            var created = At(start.AddMonths(-6));
            var submitted = At(start.AddMonths(-2));
            foreach (var milestoneCount in milestones)
            {
                MakeCommitment(plan, member, topics, language, milestoneCount, ++number);
            }

            var updated = created;
            if (status != ActionPlanStatus.Draft)
            {
                plan.Submit(PortalRole.PointOfContact, submitted);
                updated = submitted;
                if (status == ActionPlanStatus.Submitted)
                {
                    Review(plan);
                }
                else
                {
                    foreach (var c in plan.Commitments)
                    {
                        c.Accept(PortalRole.SupportUnit);
                    }

                    var published = submitted.AddDays(20 + random.Next(40));
                    plan.Publish(PortalRole.SupportUnit, published);
                    Implement(plan, status, member);
                    updated = published;
                    if (status == ActionPlanStatus.Closed)
                    {
                        var closed = At(Min(end.AddDays(1 + random.Next(90)), ReferenceDay));
                        plan.Close(PortalRole.SupportUnit, closed);
                        updated = closed;
                    }
                }
            }

            Stamp(plan, created, updated);
            foreach (var c in plan.Commitments)
            {
                Stamp(c, created, updated);
                foreach (var milestone in c.Milestones)
                {
                    Stamp(milestone, created, updated);
                }
            }

            return plan;
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private void MakeCommitment(ActionPlan plan, Member member, List<Topic> topics, string language, int milestones, int number)
        {
            var topic = Pick(random, topics);
            var lead = Pick(random, topic.Leads);
            var title = Title(random, topic, language, member.Name, out var subject);
            var start = random.NextDouble() < 0.7 ? plan.PeriodStart : plan.PeriodStart.AddMonths(random.Next(6));
            var end = random.NextDouble() < 0.7 ? plan.PeriodEnd : plan.PeriodEnd.AddMonths(-random.Next(6));
            var values = Pick(random, [OgpValues.AccessToInformation, OgpValues.AccessToInformation | OgpValues.PublicAccountability, OgpValues.CivicParticipation,
                OgpValues.AccessToInformation | OgpValues.CivicParticipation, OgpValues.PublicAccountability, OgpValues.AccessToInformation | OgpValues.TechnologyAndInnovation,
                OgpValues.CivicParticipation | OgpValues.TechnologyAndInnovation, OgpValues.None]);
            var commitment = plan.AddCommitment(
                CommitmentIdentifier.Create(member.Code, number),
                new CommitmentText(
                    Title: title,
                    ShortTitle: ShortTitle(title),
                    Problem: ScaleDataText.Problem(random, subject, member.Name, lead, language),
                    Description: ScaleDataText.Description(random, subject, member.Name, lead, language),
                    Solution: ScaleDataText.Solution(random, subject, member.Name, lead, language),
                    LeadInstitution: lead,
                    SupportingInstitutions: random.NextDouble() < 0.8 ? Supporting(random) : null,
                    StartDate: start,
                    EndDate: end,
                    Values: values,
                    ChallengeArea: plan.PeriodStart.Year >= 2023 && random.NextDouble() < 0.35 ? topic.Challenge : null,
                    Theme: random.NextDouble() < 0.8 ? topic.Theme : null));
            commitment.Id = NextId<Commitment>();
            var area = _areas[topic.PolicyArea];
            var areas = new List<PolicyArea> { area };
            if (area.ParentId is { } parent && random.NextDouble() < 0.5)
            {
                areas.Add(PolicyAreaCatalog.All[parent - 1]);
            }

            if (random.NextDouble() < 0.3)
            {
                areas.Add(_areas[Pick(random, Topics).PolicyArea]);
            }

            commitment.SetPolicyAreas(areas);
            var months = PlanPeriod.Months(start, end);
            for (var i = 0; i < milestones; i++)
            {
                var due = start.AddMonths(Math.Max(1, months * (i + 1) / milestones)).AddDays(-1);
                commitment.AddMilestone(MilestoneTitle(i, random), due > end ? end : due, random.NextDouble() < 0.15 ? 2 : 1);
            }
        }

        /// <summary>A submitted plan under review: some commitments accepted, some returned with a reason, the rest waiting.</summary>
        private void Review(ActionPlan plan)
        {
            foreach (var c in plan.Commitments)
            {
                var roll = random.NextDouble();
                if (roll < 0.45)
                {
                    c.Accept(PortalRole.SupportUnit);
                }
                else if (roll < 0.6)
                {
                    c.Return(PortalRole.SupportUnit, "Make the milestones measurable and name the institution responsible for each.");
                }
            }
        }

        /// <summary>Progress on a published plan: milestones due before the reference day mostly complete, a note now and then.</summary>
        private void Implement(ActionPlan plan, ActionPlanStatus status, Member member)
        {
            var ambition = random.NextDouble();
            foreach (var c in plan.Commitments)
            {
                var milestones = c.Milestones.OrderBy(m => m.DueDate).ToList();
                var inProgress = false;
                foreach (var milestone in milestones)
                {
                    var due = milestone.DueDate <= ReferenceDay;
                    var state = due && random.NextDouble() < 0.45 + (ambition * 0.5) ? MilestoneStatus.Complete
                        : !inProgress && (due || status == ActionPlanStatus.Published) && random.NextDouble() < 0.6 ? MilestoneStatus.InProgress
                        : MilestoneStatus.NotStarted;
                    inProgress |= state == MilestoneStatus.InProgress;
                    if (state != MilestoneStatus.NotStarted)
                    {
                        c.RecordMilestoneProgress(milestone, state, state == MilestoneStatus.Complete ? $"{member.Website}/evidence/{c.Identifier.ToLowerInvariant()}" : null, PortalRole.PointOfContact);
                    }
                }

                var complete = milestones.Count(m => m.Status == MilestoneStatus.Complete);
                if (complete > 0 && random.NextDouble() < 0.25)
                {
                    var last = milestones.Last(m => m.Status == MilestoneStatus.Complete);
                    var note = c.AddProgressNote(
                        Min(last.DueDate.AddDays(14), ReferenceDay),
                        $"{last.Title}: done, with the multi-stakeholder forum informed at its next meeting.",
                        complete == milestones.Count ? CompletionLevel.Complete : complete * 2 >= milestones.Count ? CompletionLevel.Substantial : CompletionLevel.Limited,
                        PortalRole.PointOfContact);
                    Stamp(note, At(note.Date), At(note.Date));
                }
            }
        }

        // ---- IRM ----------------------------------------------------------------------------------------

        /// <summary>
        /// The IRM's findings. Plans from 2021 on: an Action Plan Review (published for public plans, a draft for
        /// some under review), a Midterm Review for four-year plans past their middle, a Results Report for
        /// closed plans (a few still in pre-publication). Earlier closed plans: OGP's legacy indicators.
        /// </summary>
        private List<(IrmReport Report, DateOnly Day)> Assess(ActionPlan plan)
        {
            var reports = new List<(IrmReport, DateOnly)>();
            if (plan.PeriodStart.Year < 2021)
            {
                return reports;
            }

            if (plan.IsPublic || (plan.Status == ActionPlanStatus.Submitted && random.NextDouble() < 0.3))
            {
                var review = IrmReport.Start(plan, ReportType.ActionPlanReview);
                foreach (var c in plan.Commitments)
                {
                    var verifiable = random.NextDouble() < 0.9;
                    var promising = verifiable && random.NextDouble() < 0.12;
                    review.Assess(c, new AssessmentValues(
                        Verifiable: verifiable,
                        Relevance: c.Values == OgpValues.None ? OgpValues.AccessToInformation : c.Values,
                        Potential: Pick(random, [PotentialForResults.Unclear, PotentialForResults.Modest, PotentialForResults.Modest, PotentialForResults.Substantial]),
                        Promising: promising,
                        PromisingReason: promising ? "Ambitious and well designed, with strong civil society involvement." : null,
                        Cluster: c.Theme));
                }

                var day = plan.PeriodStart.AddMonths(4);
                reports.Add((Finish(review, plan, plan.IsPublic && day <= ReferenceDay, day), day));
            }

            if (plan.IsPublic && plan.DurationYears == 4 && plan.PeriodStart.AddMonths(26) <= ReferenceDay)
            {
                var midterm = IrmReport.Start(plan, ReportType.MidtermReview);
                foreach (var c in plan.Commitments)
                {
                    midterm.Assess(c, new AssessmentValues(Completion: Pick(random, [Completion.NotStarted, Completion.Limited, Completion.Substantial, Completion.Complete]), Narrative: Narrative(random)));
                }

                var day = plan.PeriodStart.AddMonths(26);
                reports.Add((Finish(midterm, plan, true, day), day));
            }

            if (plan.Status == ActionPlanStatus.Closed)
            {
                var results = IrmReport.Start(plan, ReportType.ResultsReport);
                foreach (var c in plan.Commitments)
                {
                    results.Assess(c, new AssessmentValues(
                        Completion: Pick(random, [Completion.NoEvidenceAvailable, Completion.NotStarted, Completion.Limited, Completion.Limited, Completion.Substantial, Completion.Substantial, Completion.Complete]),
                        EarlyResults: Pick(random, [EarlyResults.DidNotChange, EarlyResults.Marginal, EarlyResults.Marginal, EarlyResults.Major, EarlyResults.Outstanding, EarlyResults.Worsened]),
                        Narrative: Narrative(random)));
                }

                var day = plan.PeriodEnd.AddMonths(4);
                reports.Add((Finish(results, plan, day <= ReferenceDay && random.NextDouble() < 0.9, day), day));
            }

            return reports;
        }

        private IrmReport Finish(IrmReport report, ActionPlan plan, bool publish, DateOnly day)
        {
            report.UpdateText(
                $"The IRM found that {plan.Member.Name}'s plan {plan.Number} addresses {plan.Commitments.Count} areas of reform; {report.Assessments.Count(a => a.Promising)} commitments stand out as promising.",
                "Key findings: co-creation met the minimum requirements; the strongest commitments open up public spending and procurement.",
                $"https://www.opengovpartnership.example/irm/{plan.Member.Code.ToLowerInvariant()}-{plan.Number}-{report.Type.ToString().ToLowerInvariant()}.pdf");
            if (random.NextDouble() < 0.5 || publish)
            {
                report.OpenForComment(PortalRole.IrmResearcher);
            }

            if (publish)
            {
                report.Publish(PortalRole.IrmResearcher, day);
            }

            return report;
        }

        private List<LegacyAssessment> LegacyAssess(ActionPlan plan)
        {
            if (plan.Status != ActionPlanStatus.Closed || plan.PeriodStart.Year >= 2021)
            {
                return [];
            }

            return [.. plan.Commitments.Where(_ => random.NextDouble() < 0.85).Select(c => LegacyAssessment.For(
                c.Id,
                Pick(random, [Specificity.None, Specificity.Low, Specificity.Medium, Specificity.Medium, Specificity.High]),
                c.Values == OgpValues.None ? OgpValues.AccessToInformation : c.Values,
                Pick(random, [PotentialImpact.None, PotentialImpact.Minor, PotentialImpact.Minor, PotentialImpact.Moderate, PotentialImpact.Transformative]),
                Pick(random, [LegacyCompletion.NotStarted, LegacyCompletion.Limited, LegacyCompletion.Substantial, LegacyCompletion.Complete]),
                random.NextDouble() < 0.8 ? Pick(random, [LegacyCompletion.Limited, LegacyCompletion.Substantial, LegacyCompletion.Complete, LegacyCompletion.Complete]) : null,
                random.NextDouble() < 0.8 ? Pick(random, [EarlyResults.DidNotChange, EarlyResults.Marginal, EarlyResults.Major, EarlyResults.Outstanding]) : null))];
        }

        // ---- Writing -------------------------------------------------------------------------------------

        private void WriteMember(Member member, List<ActionPlan> plans)
        {
            _writers[typeof(Member)].Insert(member);
            foreach (var change in member.StatusHistory)
            {
                _writers[typeof(MemberStatusChange)].Insert(change, (nameof(MemberStatusChange.Id), NextId<MemberStatusChange>()), (nameof(MemberStatusChange.MemberId), member.Id));
            }

            foreach (var plan in plans)
            {
                // Reports are started while the plan has no id yet, as the commitments' own plan id (set by EF Core's
                // fix-up otherwise) is empty too; both are written with the plan's id below.
                var reports = Assess(plan);
                var legacy = LegacyAssess(plan);
                plan.Id = NextId<ActionPlan>();
                _writers[typeof(ActionPlan)].Insert(plan);
                foreach (var c in plan.Commitments)
                {
                    _writers[typeof(Commitment)].Insert(c, (nameof(Commitment.ActionPlanId), plan.Id));
                    foreach (var area in c.PolicyAreas)
                    {
                        _policyAreaLinks.InsertValues((_linkColumns.Commitment, c.Id), (_linkColumns.PolicyArea, area.Id));
                    }

                    foreach (var milestone in c.Milestones)
                    {
                        milestone.Id = NextId<Milestone>();
                        _writers[typeof(Milestone)].Insert(milestone, (nameof(Milestone.CommitmentId), c.Id));
                    }

                    foreach (var note in c.ProgressNotes)
                    {
                        note.Id = NextId<ProgressNote>();
                        note.CommitmentId = c.Id;
                        _writers[typeof(ProgressNote)].Insert(note);
                    }
                }

                foreach (var (report, day) in reports)
                {
                    report.Id = NextId<IrmReport>();
                    Stamp(report, At(day.AddMonths(-2)), At(day));
                    _writers[typeof(IrmReport)].Insert(report, (nameof(IrmReport.ActionPlanId), plan.Id));
                    foreach (var assessment in report.Assessments)
                    {
                        _writers[typeof(CommitmentAssessment)].Insert(assessment, (nameof(CommitmentAssessment.Id), NextId<CommitmentAssessment>()), (nameof(CommitmentAssessment.ReportId), report.Id));
                    }
                }

                foreach (var assessment in legacy)
                {
                    _writers[typeof(LegacyAssessment)].Insert(assessment, (nameof(LegacyAssessment.Id), NextId<LegacyAssessment>()));
                }
            }
        }

        /// <summary>
        /// Open Gov Challenge entries (since 2024): mostly accepted (some promising), some submitted, returned or
        /// still drafts; action-plan commitments where the member has one in a Challenge area, else standalone
        /// commitments or awards entries. Milestones run on from the submission, as the Challenge requires.
        /// </summary>
        private void WriteChallengeEntries(Member member, List<ActionPlan> plans, int count, string language)
        {
            var linkable = plans.Where(p => p.IsPublic).SelectMany(p => p.Commitments).Where(c => c.ChallengeArea is not null).ToList();
            for (var i = 0; i < count; i++)
            {
                var topic = Pick(random, Topics.Where(t => t.Challenge is not null).ToList());
                var linked = linkable.Count > 0 && random.NextDouble() < 0.5 ? Pick(random, linkable) : null;
                var participation = linked is not null ? Participation.ActionPlanCommitment : random.NextDouble() < 0.7 ? Participation.StandaloneCommitment : Participation.AwardsEntry;
                var local = member.Kind == MemberKind.National && random.NextDouble() < 0.15;
                var submitted = new DateOnly(2024, 1, 15).AddDays(random.Next(980));
                var lead = Pick(random, topic.Leads);
                var entry = ChallengeEntry.Draft(
                    member,
                    new ChallengeEntryText(
                        Title: linked?.Title ?? Title(random, topic, language, member.Name, out _),
                        Description: Paragraphs(random, ["{1} commits to opening up {0} as part of the Open Gov Challenge.", "The {2} leads the reform with civil society partners."], 2, Pick(random, topic.Subjects), member.Name, lead, language),
                        Area: linked?.ChallengeArea ?? topic.Challenge!.Value,
                        Participation: participation,
                        Commitment: linked,
                        Level: member.Kind == MemberKind.National ? (local ? GovernmentLevel.LocalNonMember : GovernmentLevel.National) : GovernmentLevel.LocalMember,
                        LocalityName: local ? CityName(random) : null,
                        LeadInstitution: lead,
                        Values: OgpValues.AccessToInformation | (random.NextDouble() < 0.5 ? OgpValues.CivicParticipation : OgpValues.PublicAccountability)),
                    Enumerable.Range(1, 2 + random.Next(3)).Select(k => (MilestoneTitle(k, random), submitted.AddMonths(4 * k))));
                var roll = random.NextDouble();
                var updated = At(submitted);
                if (roll >= 0.1)
                {
                    entry.Submit(PortalRole.PointOfContact, At(submitted));
                    var decided = Min(submitted.AddDays(10 + random.Next(50)), ReferenceDay);
                    if (roll < 0.15)
                    {
                        entry.Return(PortalRole.SupportUnit, "Name the public institution that owns the reform and add a milestone due this year.");
                        updated = At(decided);
                    }
                    else if (roll >= 0.3)
                    {
                        entry.Accept(PortalRole.SupportUnit, At(decided));
                        updated = At(decided);
                        if (random.NextDouble() < 0.12)
                        {
                            entry.FlagPromising(PortalRole.SupportUnit, "Ambitious reform with a clear timeline and civil society oversight.");
                        }
                    }
                }

                entry.Id = NextId<ChallengeEntry>();
                Stamp(entry, At(submitted.AddDays(-14)), updated);
                _writers[typeof(ChallengeEntry)].Insert(entry);
                foreach (var milestone in entry.Milestones)
                {
                    _writers[typeof(ChallengeMilestone)].Insert(milestone, (nameof(ChallengeMilestone.Id), NextId<ChallengeMilestone>()), (nameof(ChallengeMilestone.EntryId), entry.Id));
                }
            }
        }
    }
}
