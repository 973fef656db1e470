using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Challenge;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.Public.Challenge;

public sealed record ChallengeFilter(string? Q, ChallengeArea? Area, Region? Region, string? Member, GovernmentLevel? Level, Participation? Participation, bool? Promising, int? Year);

public sealed record ChallengeRow(int Id, string Title, string MemberName, string MemberCode, ChallengeArea Area, Participation Participation, GovernmentLevel Level, string LeadInstitution, bool Promising, string? PromisingReason, DateTime? AcceptedAt);

public sealed record ChallengeListViewModel(ChallengeFilter Filter, Page<ChallengeRow> Entries);

public sealed record AreaProgress(ChallengeArea Area, int Members, int? Target)
{
    /// <summary>The bar's length in percent of the larger of the target and the count (100 when either is reached).</summary>
    public int Percent => Target is { } t && t > 0 ? Math.Min(100, Members * 100 / t) : Members > 0 ? 100 : 0;
}

public sealed record ProgressViewModel(int Year, IReadOnlyList<AreaProgress> Areas);

/// <summary>The public database of Open Gov Challenge commitments and actions: accepted entries only, promising first.</summary>
[Route("challenge")]
public sealed class ChallengeController(PortalDbContext db) : PublicController
{
    public const string HideCommitmentKey = "challenge.hide-commitment";

    // "area" is also MVC's route value for the area ("Public"), which binding would try first.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, [FromQuery(Name = "area")] ChallengeArea? area, Region? region, string? member, GovernmentLevel? level, Participation? participation, bool? promising, int? year, int? page, CancellationToken cancellationToken)
    {
        var filter = new ChallengeFilter(q, area, region, member, level, participation, promising, year);
        return View(new ChallengeListViewModel(filter, await Export(filter).ToPageAsync(Paging.Clamp(page), Paging.DefaultSize, cancellationToken)));
    }

    /// <summary>The public list as CSV, with the same filters.</summary>
    [HttpGet("export.csv")]
    public IActionResult Csv(string? q, [FromQuery(Name = "area")] ChallengeArea? area, Region? region, string? member, GovernmentLevel? level, Participation? participation, bool? promising, int? year) =>
        new Shared.Csv.CsvFileResult(
            "open-gov-challenge.csv",
            ["Id", "Title", "Member code", "Member", "Challenge area", "Takes part as", "Level of government", "Lead institution", "Promising", "Why promising", "Accepted"],
            Export(new ChallengeFilter(q, area, region, member, level, participation, promising, year)).AsAsyncEnumerable()
                .Select(e => new[]
                {
                    e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Title, e.MemberCode, e.MemberName, Domain.Common.EnumDisplay.Name(e.Area),
                    Domain.Common.EnumDisplay.Name(e.Participation), Domain.Common.EnumDisplay.Name(e.Level), e.LeadInstitution, e.Promising ? "Yes" : "No",
                    e.PromisingReason, e.AcceptedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }));

    /// <summary>The public list as JSON, with the same filters.</summary>
    [HttpGet("export.json")]
    public async Task<IActionResult> Json(string? q, [FromQuery(Name = "area")] ChallengeArea? area, Region? region, string? member, GovernmentLevel? level, Participation? participation, bool? promising, int? year, CancellationToken cancellationToken)
    {
        var rows = await Export(new ChallengeFilter(q, area, region, member, level, participation, promising, year)).ToListAsync(cancellationToken);
        return Json(rows.Select(e => new
        {
            e.Id,
            e.Title,
            Member = new { Code = e.MemberCode, Name = e.MemberName },
            Area = e.Area.ToString(),
            Participation = e.Participation.ToString(),
            Level = e.Level.ToString(),
            e.LeadInstitution,
            e.Promising,
            e.PromisingReason,
            Accepted = e.AcceptedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Url = $"/challenge/{e.Id}",
        }));
    }

    /// <summary>Per area, the members with accepted entries submitted in a year, against the Support Unit's target.</summary>
    [HttpGet("progress")]
    public async Task<IActionResult> Progress(int? year, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var y = Math.Clamp(year ?? clock.GetUtcNow().Year, 2023, 2100);
        var start = new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(1);
        var members = await db.ChallengeEntries.AsNoTracking()
            .Where(e => e.Status == ChallengeEntryStatus.Accepted && e.SubmittedAt >= start && e.SubmittedAt < end)
            .GroupBy(e => e.Area)
            .Select(g => new { Area = g.Key, Members = g.Select(e => e.MemberId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Area, g => g.Members, cancellationToken);
        var targets = await db.ChallengeTargets.AsNoTracking().Where(t => t.Year == y).ToDictionaryAsync(t => t.Area, t => t.Members, cancellationToken);
        var rows = Enum.GetValues<ChallengeArea>()
            .Select(a => new AreaProgress(a, members.GetValueOrDefault(a), targets.TryGetValue(a, out var t) ? t : null))
            .ToList();
        return View(new ProgressViewModel(y, rows));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var entry = await db.ChallengeEntries.AsNoTracking().Include(e => e.Member).Include(e => e.Commitment).ThenInclude(c => c!.ActionPlan).Include(e => e.Milestones)
            .SingleOrDefaultAsync(e => e.Id == id && e.Status == ChallengeEntryStatus.Accepted, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        // A linked commitment of a plan that is not public yet is not named to the public.
        ViewData[HideCommitmentKey] = entry.Commitment is { ActionPlan.IsPublic: false };
        return View(entry);
    }

    private IQueryable<ChallengeRow> Export(ChallengeFilter filter) =>
        Filtered(filter)
            .OrderByDescending(e => e.Promising).ThenByDescending(e => e.AcceptedAt).ThenBy(e => e.Id)
            .Select(e => new ChallengeRow(e.Id, e.Title, e.Member.Name, e.Member.Code, e.Area, e.Participation, e.Level, e.LeadInstitution, e.Promising, e.PromisingReason, e.AcceptedAt));

    /// <summary>Accepted entries only, narrowed by each filter that is set.</summary>
    private IQueryable<ChallengeEntry> Filtered(ChallengeFilter f)
    {
        var entries = db.ChallengeEntries.AsNoTracking().WherePublic();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            entries = entries.Where(Like.AnyContains<ChallengeEntry>(f.Q, e => e.Title, e => e.LeadInstitution, e => e.Member.Name));
        }

        if (f.Area is { } area)
        {
            entries = entries.Where(e => e.Area == area);
        }

        if (f.Region is { } region)
        {
            entries = entries.Where(e => e.Member.Region == region);
        }

        if (!string.IsNullOrWhiteSpace(f.Member))
        {
            var code = f.Member.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.Member.Code == code);
        }

        if (f.Level is { } level)
        {
            entries = entries.Where(e => e.Level == level);
        }

        if (f.Participation is { } participation)
        {
            entries = entries.Where(e => e.Participation == participation);
        }

        if (f.Promising == true)
        {
            entries = entries.Where(e => e.Promising);
        }

        if (f.Year is { } year)
        {
            var start = new DateTime(Math.Clamp(year, 2000, 2100), 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var end = start.AddYears(1);
            entries = entries.Where(e => e.SubmittedAt >= start && e.SubmittedAt < end);
        }

        return entries;
    }
}
