using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Web.Shared.Challenge;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Shared.Search;

/// <summary>
/// What the search knows of every public commitment (published and closed plans) to filter, count and order
/// it without asking the database: the index of issue 21 (docs/decisions/0019-search-index-in-memory.md). It is
/// built from nine queries when first needed and again after a change to public records: at once after a change
/// made by this instance (<see cref="IContentChangeListener"/>), within <see cref="VersionCheckInterval"/> after
/// one made by another instance or a command (the database's <see cref="PublicContentVersion"/>), and at the
/// latest after <see cref="MaxAge"/>. Requests made while it is rebuilt wait for the one rebuild.
/// </summary>
public sealed partial class CommitmentIndex(IServiceScopeFactory scopes, ILogger<CommitmentIndex> logger) : IContentChangeListener, IDisposable
{
    /// <summary>How often the database's version is read (once per interval, not per request).</summary>
    public static readonly TimeSpan VersionCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest an index is used, whatever the version says.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private CommitmentIndexSnapshot? _current;
    private long _localChanges;
    private long _knownVersion;
    private long _versionCheckedAt = long.MinValue / 2;

    /// <summary>The index as of now (built or rebuilt first when needed).</summary>
    public async Task<CommitmentIndexSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        await CheckVersionAsync(cancellationToken);
        var snapshot = Volatile.Read(ref _current);
        if (snapshot is not null && IsCurrent(snapshot))
        {
            return snapshot;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _current);
            if (snapshot is not null && IsCurrent(snapshot))
            {
                return snapshot; // Another request rebuilt it while this one waited.
            }

            // The change counter and the version are read before the data: a change committed while the data is
            // read makes this index stale at once, never lost.
            var localChanges = Interlocked.Read(ref _localChanges);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // Not the request's token: others may be waiting for this build, and one visitor leaving must not cancel it.
            var version = await PublicContentVersions.ReadAsync(db, CancellationToken.None);
            Known(version);
            var started = Environment.TickCount64;
            snapshot = await CommitmentIndexSnapshot.BuildAsync(db, version, localChanges, CancellationToken.None);
            LogBuilt(logger, snapshot.Count, Environment.TickCount64 - started);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>A change to public records was committed here: the index is stale, and so is every other instance's.</summary>
    public async ValueTask ContentChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await PublicContentVersions.BumpAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; other instances rebuild after MaxAge at the latest.
            LogBumpFailed(logger, e);
        }
        finally
        {
            // After the bump: a rebuild started now reads the new version, so the next check does not rebuild again.
            Interlocked.Increment(ref _localChanges);
        }
    }

    /// <summary>
    /// Forgets this instance's index after a write that bypassed <c>SaveChanges</c> (a raw SQL statement or
    /// <c>ExecuteUpdate</c>), which <see cref="IContentChangeListener"/> never hears of; the next search rebuilds it.
    /// </summary>
    public void Forget() => Interlocked.Increment(ref _localChanges);

    /// <summary>Built after every change this instance made and at (or after) the database's version last read, and young enough.</summary>
    private bool IsCurrent(CommitmentIndexSnapshot snapshot) =>
        snapshot.LocalChanges == Interlocked.Read(ref _localChanges)
        && snapshot.Version == Interlocked.Read(ref _knownVersion)
        && Environment.TickCount64 - snapshot.BuiltAt < (long)MaxAge.TotalMilliseconds;

    /// <summary>Reads the database's version when the last read is older than <see cref="VersionCheckInterval"/> (one request does).</summary>
    private async Task CheckVersionAsync(CancellationToken cancellationToken)
    {
        var checkedAt = Interlocked.Read(ref _versionCheckedAt);
        if (Environment.TickCount64 - checkedAt < (long)VersionCheckInterval.TotalMilliseconds
            || Interlocked.CompareExchange(ref _versionCheckedAt, Environment.TickCount64, checkedAt) != checkedAt)
        {
            return; // Read a moment ago, or being read by another request.
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            Known(await PublicContentVersions.ReadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The index in hand still answers; the next request looks again.
            Interlocked.Exchange(ref _versionCheckedAt, checkedAt);
            LogVersionReadFailed(logger, e);
        }
    }

    /// <summary>The version last read. Any difference from an index's means a rebuild, also a lower one (a restored database).</summary>
    private void Known(long version) => Interlocked.Exchange(ref _knownVersion, version);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Commitment search index built: {Count} public commitments in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int count, long milliseconds);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "The public content version could not be read; the search answers from the index it has")]
    private static partial void LogVersionReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Error, Message = "The public content version could not be raised after a change; other instances see the change within the search index's maximum age")]
    private static partial void LogBumpFailed(ILogger logger, Exception exception);
}

/// <summary>A member as the index knows it.</summary>
public sealed record IndexedMember(string Code, string Name, Region Region, MemberKind Kind);

/// <summary>A policy area of the taxonomy.</summary>
public sealed record IndexedPolicyArea(int Id, string Name, int? ParentId);

/// <summary>The kinds of public record the site's search box finds besides commitments, in the order it lists them.</summary>
public enum PublicRecordKind
{
    Member,
    ActionPlan,
    IrmReport,
    ChallengeEntry,
}

/// <summary>
/// A public member, plan, published IRM report or accepted Challenge entry, as the site's search box finds it:
/// <see cref="Words"/> are its searchable words folded (a member's name in every language of the portal and its
/// code; a plan's title and member; a report's member; an entry's title and member).
/// </summary>
public sealed record IndexedRecord(PublicRecordKind Kind, int Id, string Title, int Member, int PlanNumber, ReportType? ReportType, string[] Words);

/// <summary>What a plan-level criterion (member, region, kind, plan status, year) is tested on: a plan, or a commitment by its plan.</summary>
public interface IPlanFacts
{
    /// <summary>The member's position in <see cref="CommitmentIndexSnapshot.Members"/>.</summary>
    int Member { get; }

    Region Region { get; }

    MemberKind Kind { get; }

    ActionPlanStatus Status { get; }

    int StartYear { get; }

    /// <summary>The last year of the plan's period (never before <see cref="StartYear"/>).</summary>
    int EndYear { get; }
}

/// <summary>One public action plan (published or closed).</summary>
public readonly record struct IndexedPlan(int Id, int Member, Region Region, MemberKind Kind, ActionPlanStatus Status, int StartYear, int EndYear) : IPlanFacts;

/// <summary>
/// One public commitment: what its criteria are tested on (<see cref="Policies"/> holds its areas and their
/// parents; <see cref="Completions"/>, <see cref="Potentials"/> and <see cref="EarlyResults"/> are bit sets of
/// the values in published IRM reports) and what the statistics count: its point of contact's latest
/// self-assessed <see cref="Progress"/>, and the IRM's legacy findings.
/// </summary>
public readonly record struct IndexedCommitment(
    int Id,
    string Identifier,
    int Member,
    Region Region,
    MemberKind Kind,
    ActionPlanStatus Status,
    int StartYear,
    int EndYear,
    ChallengeArea? Challenge,
    int[] Policies,
    int Completions,
    int Potentials,
    bool Promising,
    bool Starred,
    CompletionLevel? Progress,
    int EarlyResults,
    EarlyResults? OpenedGovernment,
    LegacyCompletion? LegacyCompletion) : IPlanFacts;

/// <summary>The public commitments at one version, in identifier order, with the other orders precomputed.</summary>
public sealed partial class CommitmentIndexSnapshot
{
    /// <summary>Word matches kept per index, counted in matched commitments (about 12 bytes each).</summary>
    public const int TextMatchBudget = 2_000_000;

    /// <summary>Searches' results kept per index, counted in commitments listed (4 bytes each, plus the facets' counts).</summary>
    public const int PassBudget = 4_000_000;

    private readonly Kept<TextMatchSet> _textMatches = new(TextMatchBudget);
    private readonly Dictionary<int, int> _positionOfId;
    private readonly Dictionary<string, int> _positionOfIdentifier;

    private CommitmentIndexSnapshot(
        IndexedCommitment[] entries, IndexedPlan[] plans, IReadOnlyList<IndexedRecord> records, IReadOnlyList<IndexedMember> members,
        IReadOnlyList<IndexedPolicyArea> policyAreas, int[] byTitle, int[] byMember, int[] byNewest, long version, long localChanges)
    {
        Entries = entries;
        Plans = plans;
        Records = records;
        Members = members;
        PolicyAreas = policyAreas;
        ByTitle = byTitle;
        ByMember = byMember;
        ByNewest = byNewest;
        Version = version;
        LocalChanges = localChanges;
        BuiltAt = Environment.TickCount64;
        FirstYear = entries.Length == 0 ? 2000 : entries.Min(e => e.StartYear);
        LastYear = entries.Length == 0 ? 2000 : entries.Max(e => e.EndYear);
        _positionOfId = new Dictionary<int, int>(entries.Length);
        _positionOfIdentifier = new Dictionary<string, int>(entries.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Length; i++)
        {
            _positionOfId[entries[i].Id] = i;
            _positionOfIdentifier.TryAdd(entries[i].Identifier, i);
        }
    }

    /// <summary>In identifier order (ordinal, then id).</summary>
    public IndexedCommitment[] Entries { get; }

    public int Count => Entries.Length;

    /// <summary>Every public plan, also those without commitments.</summary>
    public IndexedPlan[] Plans { get; }

    /// <summary>The public records other than commitments, by kind (<see cref="PublicRecordKind"/> order), then newest first (members by name).</summary>
    public IReadOnlyList<IndexedRecord> Records { get; }

    public IReadOnlyList<IndexedMember> Members { get; }

    public IReadOnlyList<IndexedPolicyArea> PolicyAreas { get; }

    /// <summary>Positions in title order (ordinal, then identifier).</summary>
    public int[] ByTitle { get; }

    /// <summary>Positions in the order of the member's name (ordinal, then identifier).</summary>
    public int[] ByMember { get; }

    /// <summary>Positions with the latest plan start first, then by identifier.</summary>
    public int[] ByNewest { get; }

    public long Version { get; }

    /// <summary>The first and last year any public plan's period covers.</summary>
    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>The results of searches made at this version (their criteria and order as the key), within <see cref="PassBudget"/>.</summary>
    internal Kept<PassResult> Passes { get; } = new(PassBudget);

    /// <summary>What other features count from this index (the statistics' tables), by their key, within <see cref="PassBudget"/>.</summary>
    internal Kept<object> Derived { get; } = new(PassBudget);

    /// <summary>The words as a key: folded, in one order.</summary>
    public static string WordsKey(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return string.Join(' ', terms.Words.Select(TextFolding.Fold).Order(StringComparer.Ordinal));
    }

    internal long LocalChanges { get; }

    internal long BuiltAt { get; }

    /// <summary>A policy area by id or by name (any case), or null when the taxonomy has no such area.</summary>
    public int? PolicyAreaId(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return int.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? PolicyAreas.FirstOrDefault(a => a.Id == id)?.Id
            : PolicyAreas.FirstOrDefault(a => string.Equals(a.Name, idOrName, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>The public commitment with this identifier (any case), or null.</summary>
    public IndexedCommitment? WithIdentifier(string identifier) =>
        _positionOfIdentifier.TryGetValue(identifier, out var position) ? Entries[position] : null;

    /// <summary>
    /// The public records other than commitments whose words include every word searched for, each also as the
    /// start of a longer word, case and accents folded (what the full-text search does for commitments).
    /// </summary>
    public IReadOnlyList<IndexedRecord> RecordsMatching(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // A word that folds to nothing (accents alone) would match every record: it is not a word.
        var words = terms.Words.Select(TextFolding.Fold).Where(w => w.Any(char.IsLetterOrDigit)).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        return [.. Records.Where(r => words.All(w => r.Words.Any(x => x.StartsWith(w, StringComparison.Ordinal))))];
    }

    /// <summary>
    /// The public commitments whose text contains every word, with their relevance: asked of the database's
    /// full-text index once per set of words and index version, then kept (within <see cref="TextMatchBudget"/>),
    /// unless <paramref name="keep"/> is false (an answer from a standby, which may lag behind the index).
    /// </summary>
    public async Task<TextMatchSet> TextMatchesAsync(ICommitmentTextSearch textSearch, SearchTerms terms, bool keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(textSearch);
        ArgumentNullException.ThrowIfNull(terms);
        var key = WordsKey(terms);
        if (keep && _textMatches.TryGet(key) is { } known)
        {
            return known;
        }

        var matches = await textSearch.Match(terms).Select(m => new { m.Id, m.Score }).ToListAsync(cancellationToken);
        var found = new List<(int Position, double Score)>(matches.Count);
        foreach (var match in matches)
        {
            if (_positionOfId.TryGetValue(match.Id, out var position))
            {
                found.Add((position, match.Score));
            }
        }

        found.Sort((a, b) => a.Position.CompareTo(b.Position));
        var set = new TextMatchSet([.. found.Select(f => f.Position)], [.. found.Select(f => f.Score)]);
        if (keep && textSearch.MatchesAtCommit)
        {
            _textMatches.Keep(key, set, set.Count);
        }

        return set;
    }

    internal static async Task<CommitmentIndexSnapshot> BuildAsync(PortalDbContext db, long version, long localChanges, CancellationToken cancellationToken)
    {
        var memberRows = await db.Members.AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.Name, m.Region, m.Kind }).ToListAsync(cancellationToken);
        var areas = await db.PolicyAreas.AsNoTracking()
            .Select(a => new IndexedPolicyArea(a.Id, a.Name, a.ParentId)).ToListAsync(cancellationToken);
        var commitments = await db.Commitments.AsNoTracking().WherePublic()
            .Select(c => new
            {
                c.Id,
                c.Identifier,
                c.Title,
                c.ChallengeArea,
                c.ActionPlan.MemberId,
                c.ActionPlan.Status,
                c.ActionPlan.PeriodStart,
                c.ActionPlan.PeriodEnd,
                // The point of contact's latest self-assessed completion level.
                Progress = c.ProgressNotes.OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).Select(n => (CompletionLevel?)n.Completion).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var planRows = await db.ActionPlans.AsNoTracking().WherePublic()
            .Select(p => new { p.Id, p.MemberId, p.Status, p.PeriodStart, p.PeriodEnd, p.Title, p.Number }).ToListAsync(cancellationToken);
        var reportRows = await Reports.PublicFindings.PublishedReportsOf(db)
            .Select(r => new { r.Id, r.Type, r.ActionPlan.Number, r.ActionPlan.MemberId, r.PublishedOn }).ToListAsync(cancellationToken);
        var challengeRows = await db.ChallengeEntries.AsNoTracking().WherePublic()
            .Select(e => new { e.Id, e.Title, e.MemberId, e.AcceptedAt }).ToListAsync(cancellationToken);
        var links = await db.Commitments.AsNoTracking().WherePublic()
            .SelectMany(c => c.PolicyAreas, (c, a) => new { CommitmentId = c.Id, AreaId = a.Id }).ToListAsync(cancellationToken);
        var assessments = await Reports.PublicFindings.PublishedReportsOf(db)
            .Where(r => r.Type == ReportType.ResultsReport || r.Type == ReportType.ActionPlanReview)
            .SelectMany(r => r.Assessments, (r, a) => new { r.Type, a.CommitmentId, a.Completion, a.Potential, a.Promising, a.EarlyResults })
            .ToListAsync(cancellationToken);
        // Whole records, so that the domain's starred rule (LegacyAssessment.IsStarred) is the one applied.
        var legacy = await db.LegacyAssessments.AsNoTracking().ToDictionaryAsync(l => l.CommitmentId, cancellationToken);

        var memberIndex = new Dictionary<int, int>();
        var members = new List<IndexedMember>(memberRows.Count);
        foreach (var m in memberRows)
        {
            memberIndex[m.Id] = members.Count;
            members.Add(new IndexedMember(m.Code, m.Name, m.Region, m.Kind));
        }

        // The reads are not one snapshot: a row added between them (an area, a member) is left for the next rebuild.
        var parents = areas.ToDictionary(a => a.Id, a => a.ParentId);
        links.RemoveAll(l => !parents.ContainsKey(l.AreaId));
        commitments.RemoveAll(c => !memberIndex.ContainsKey(c.MemberId));
        planRows.RemoveAll(p => !memberIndex.ContainsKey(p.MemberId));
        reportRows.RemoveAll(r => !memberIndex.ContainsKey(r.MemberId));
        challengeRows.RemoveAll(e => !memberIndex.ContainsKey(e.MemberId));
        var policies = links.GroupBy(l => l.CommitmentId).ToDictionary(
            g => g.Key,
            g => g.SelectMany(l => parents.GetValueOrDefault(l.AreaId) is { } parent ? new[] { l.AreaId, parent } : [l.AreaId]).Distinct().Order().ToArray());
        var completions = new Dictionary<int, int>();
        var potentials = new Dictionary<int, int>();
        var earlyResults = new Dictionary<int, int>();
        var promising = new HashSet<int>();
        foreach (var a in assessments)
        {
            if (a.Type == ReportType.ResultsReport && a.Completion is { } completion)
            {
                completions[a.CommitmentId] = completions.GetValueOrDefault(a.CommitmentId) | (1 << (int)completion);
            }

            if (a.Type == ReportType.ResultsReport && a.EarlyResults is { } early)
            {
                earlyResults[a.CommitmentId] = earlyResults.GetValueOrDefault(a.CommitmentId) | (1 << (int)early);
            }

            if (a.Type == ReportType.ActionPlanReview)
            {
                if (a.Potential is { } potential)
                {
                    potentials[a.CommitmentId] = potentials.GetValueOrDefault(a.CommitmentId) | (1 << (int)potential);
                }

                if (a.Promising)
                {
                    promising.Add(a.CommitmentId);
                }
            }
        }

        var ordered = commitments.OrderBy(c => c.Identifier, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
        var entries = ordered.Select(c =>
        {
            var member = memberIndex[c.MemberId];
            var assessed = legacy.GetValueOrDefault(c.Id);
            return new IndexedCommitment(
                c.Id,
                c.Identifier,
                member,
                members[member].Region,
                members[member].Kind,
                c.Status,
                c.PeriodStart.Year,
                Math.Max(c.PeriodStart.Year, c.PeriodEnd.Year),
                c.ChallengeArea,
                policies.GetValueOrDefault(c.Id) ?? [],
                completions.GetValueOrDefault(c.Id),
                potentials.GetValueOrDefault(c.Id),
                promising.Contains(c.Id),
                assessed?.IsStarred == true,
                c.Progress,
                earlyResults.GetValueOrDefault(c.Id),
                assessed?.DidItOpenGovernment,
                assessed?.CompletionAtEndOfTerm ?? assessed?.CompletionAtProgressReport);
        }).ToArray();
        var plans = planRows.Select(p =>
        {
            var member = memberIndex[p.MemberId];
            return new IndexedPlan(p.Id, member, members[member].Region, members[member].Kind, p.Status, p.PeriodStart.Year, Math.Max(p.PeriodStart.Year, p.PeriodEnd.Year));
        }).ToArray();

        var positions = Enumerable.Range(0, ordered.Count).ToArray();
        var byTitle = positions.OrderBy(i => ordered[i].Title, StringComparer.Ordinal).ThenBy(i => i).ToArray();
        var byMember = positions.OrderBy(i => members[entries[i].Member].Name, StringComparer.Ordinal).ThenBy(i => i).ToArray();
        var byNewest = positions.OrderByDescending(i => ordered[i].PeriodStart).ThenBy(i => i).ToArray();
        var records = BuildRecords(
            memberRows.Select(m => (m.Id, m.Code, m.Name)).ToList(), memberIndex,
            planRows.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).Select(p => (p.Id, p.Title, p.MemberId, p.Number)),
            reportRows.OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Select(r => (r.Id, r.Type, r.Number, r.MemberId)),
            challengeRows.OrderByDescending(e => e.AcceptedAt).ThenByDescending(e => e.Id).Select(e => (e.Id, e.Title, e.MemberId)));
        return new CommitmentIndexSnapshot(entries, plans, records, members, areas, byTitle, byMember, byNewest, version, localChanges);
    }
    /// <summary>The records the site's search box finds besides commitments, each with its folded words.</summary>
    private static List<IndexedRecord> BuildRecords(
        List<(int Id, string Code, string Name)> memberRows,
        Dictionary<int, int> memberIndex,
        IEnumerable<(int Id, string Title, int MemberId, int Number)> plans,
        IEnumerable<(int Id, ReportType Type, int Number, int MemberId)> reports,
        IEnumerable<(int Id, string Title, int MemberId)> entries)
    {
        // A member is found by its name in any of the portal's languages (Noruega, Norvège), and itself also by its
        // code (not its plans: a code such as NO is a common word).
        var memberWords = memberRows.ToDictionary(
            m => m.Id,
            m => Localization.PortalCultures.Supported.Select(language => Localization.MemberNames.Of(m.Name, language)).ToArray());
        string[] Words(IEnumerable<string> texts) => [.. texts.SelectMany(t => WordPattern().Matches(TextFolding.Fold(t)).Select(w => w.Value)).Distinct()];

        var records = new List<IndexedRecord>();
        records.AddRange(memberRows.OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new IndexedRecord(PublicRecordKind.Member, m.Id, m.Name, memberIndex[m.Id], 0, null, Words([.. memberWords[m.Id], m.Code]))));
        records.AddRange(plans.Select(p => new IndexedRecord(PublicRecordKind.ActionPlan, p.Id, p.Title, memberIndex[p.MemberId], p.Number, null, Words([p.Title, .. memberWords[p.MemberId]]))));
        records.AddRange(reports.Select(r => new IndexedRecord(PublicRecordKind.IrmReport, r.Id, string.Empty, memberIndex[r.MemberId], r.Number, r.Type, Words(memberWords[r.MemberId]))));
        records.AddRange(entries.Select(e => new IndexedRecord(PublicRecordKind.ChallengeEntry, e.Id, e.Title, memberIndex[e.MemberId], 0, null, Words([e.Title, .. memberWords[e.MemberId]]))));
        return records;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();
}

/// <summary>
/// What an index keeps of the answers it gave (they hold until the index is rebuilt): at most <paramref name="budget"/>
/// in size all told; past it, everything kept is dropped and keeping starts again.
/// </summary>
internal sealed class Kept<T>(int budget)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _values = new(StringComparer.Ordinal);
    private long _size;

    public T? TryGet(string key) => _values.TryGetValue(key, out var value) ? value : null;

    public void Keep(string key, T value, int size)
    {
        // The key and the objects count too (about 16 entries' worth), so a flood of different empty answers is bounded.
        var cost = size + 16 + (key.Length / 2);
        if (Interlocked.Add(ref _size, cost) > budget)
        {
            _values.Clear();
            Interlocked.Exchange(ref _size, cost);
        }

        _values[key] = value;
    }
}

/// <summary>The positions of the commitments a set of words matched, in position order, with their relevance.</summary>
public sealed record TextMatchSet(int[] Positions, double[] Scores)
{
    public int Count => Positions.Length;
}
