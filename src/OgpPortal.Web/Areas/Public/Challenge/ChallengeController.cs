using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Text;

namespace OgpPortal.Web.Areas.Public.Challenge;

public sealed record ChallengeFilter(string? Q, ChallengeArea? Area, Region? Region, string? Member, GovernmentLevel? Level, Participation? Participation, bool? Promising, int? Year);

public sealed record ChallengeRow(int Id, string Title, string MemberName, string MemberCode, ChallengeArea Area, Participation Participation, GovernmentLevel Level, string LeadInstitution, bool Promising, string? PromisingReason, DateTime? AcceptedAt);

public sealed record ChallengeListViewModel(ChallengeFilter Filter, Page<ChallengeRow> Entries);

/// <summary>The public database of Open Gov Challenge commitments and actions: accepted entries only, promising first.</summary>
[Route("challenge")]
public sealed class ChallengeController(PortalDbContext db) : PublicController
{
    // "area" is also MVC's route value for the area ("Public"), which binding would try first.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, [FromQuery(Name = "area")] ChallengeArea? area, Region? region, string? member, GovernmentLevel? level, Participation? participation, bool? promising, int? year, int? page, CancellationToken cancellationToken)
    {
        var filter = new ChallengeFilter(q, area, region, member, level, participation, promising, year);
        var entries = Filtered(filter)
            .OrderByDescending(e => e.Promising).ThenByDescending(e => e.AcceptedAt).ThenBy(e => e.Id)
            .Select(e => new ChallengeRow(e.Id, e.Title, e.Member.Name, e.Member.Code, e.Area, e.Participation, e.Level, e.LeadInstitution, e.Promising, e.PromisingReason, e.AcceptedAt));
        return View(new ChallengeListViewModel(filter, await entries.ToPageAsync(Paging.Clamp(page), Paging.DefaultSize, cancellationToken)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var entry = await db.ChallengeEntries.AsNoTracking().Include(e => e.Member).Include(e => e.Commitment).Include(e => e.Milestones)
            .SingleOrDefaultAsync(e => e.Id == id && e.Status == ChallengeEntryStatus.Accepted, cancellationToken);
        return entry is null ? NotFound() : View(entry);
    }

    /// <summary>Accepted entries only, narrowed by each filter that is set.</summary>
    private IQueryable<ChallengeEntry> Filtered(ChallengeFilter f)
    {
        var entries = db.ChallengeEntries.AsNoTracking().Where(e => e.Status == ChallengeEntryStatus.Accepted);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var pattern = Like.Containing(f.Q);
            entries = entries.Where(e => EF.Functions.Like(e.Title, pattern, Like.EscapeCharacter) || EF.Functions.Like(e.LeadInstitution, pattern, Like.EscapeCharacter) || EF.Functions.Like(e.Member.Name, pattern, Like.EscapeCharacter));
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
