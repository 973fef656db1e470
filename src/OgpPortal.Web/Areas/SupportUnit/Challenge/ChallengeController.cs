using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Challenge;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Notifications;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Areas.SupportUnit.Challenge;

public sealed record ChallengeQueueRow(int Id, string Title, string MemberName, Domain.Commitments.ChallengeArea Area, ChallengeEntryStatus Status, bool Promising, DateTime? SubmittedAt);

/// <summary>The Support Unit reviews Open Gov Challenge entries: accept, return with a reason, flag the promising ones.</summary>
[Route("support-unit/challenge")]
public sealed class ChallengeController(PortalDbContext db, WorkNotifications notifications, TimeProvider clock) : SupportUnitController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ChallengeEntryStatus? status, int? page, CancellationToken cancellationToken)
    {
        var entries = db.ChallengeEntries.AsNoTracking();
        entries = status is { } s ? entries.Where(e => e.Status == s) : entries.Where(e => e.Status != ChallengeEntryStatus.Draft);
        ViewData["Status"] = status;
        return View(await entries
            .OrderBy(e => e.Status == ChallengeEntryStatus.Submitted ? 0 : 1).ThenBy(e => e.SubmittedAt)
            .Select(e => new ChallengeQueueRow(e.Id, e.Title, e.Member.Name, e.Area, e.Status, e.Promising, e.SubmittedAt))
            .ToPageAsync(Paging.Clamp(page), Paging.DefaultSize, cancellationToken));
    }

    [HttpGet("targets")]
    public async Task<IActionResult> Targets(CancellationToken cancellationToken) =>
        View(await db.ChallengeTargets.AsNoTracking().OrderByDescending(t => t.Year).ThenBy(t => t.Area).ToListAsync(cancellationToken));

    /// <summary>Sets the target for an area and year, replacing an earlier one.</summary>
    [HttpPost("targets")]
    public async Task<IActionResult> SetTarget([FromForm(Name = "targetArea")] Domain.Commitments.ChallengeArea? area, int? year, int? members, CancellationToken cancellationToken)
    {
        if (area is not { } a || !Enum.IsDefined(a) || year is not (>= 2023 and <= 2100) || members is null || !ModelState.IsValid)
        {
            this.Error("Choose a Challenge area, a year from 2023 and a number of members.");
            return Redirect("/support-unit/challenge/targets");
        }

        var target = await db.ChallengeTargets.SingleOrDefaultAsync(t => t.Area == a && t.Year == year, cancellationToken);
        await this.TrySaveChangeAsync(
            db,
            () =>
            {
                if (target is null)
                {
                    db.ChallengeTargets.Add(ChallengeTarget.Set(a, year.Value, members.Value));
                }
                else
                {
                    target.Change(members.Value);
                }
            },
            $"The target for {Domain.Common.EnumDisplay.Name(a)} in {year} is {members} members.",
            cancellationToken);
        return Redirect("/support-unit/challenge/targets");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var entry = await db.ChallengeEntries.AsNoTracking().Include(e => e.Member).Include(e => e.Commitment).Include(e => e.Milestones).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is null ? NotFound() : View(entry);
    }

    [HttpPost("{id:int}/accept")]
    public Task<IActionResult> Accept(int id, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, e => e.Accept(PortalRole.SupportUnit, clock.GetUtcNow().UtcDateTime), "The entry was accepted; it is now public.", cancellationToken, ChallengeDecision.Accepted);

    [HttpPost("{id:int}/return")]
    public Task<IActionResult> Return(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, e => e.Return(PortalRole.SupportUnit, reason ?? string.Empty), "The entry was returned with your reason.", cancellationToken, ChallengeDecision.Returned);

    [HttpPost("{id:int}/promising")]
    public Task<IActionResult> Promising(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, e => e.FlagPromising(PortalRole.SupportUnit, reason ?? string.Empty), "The entry is flagged as promising; it is highlighted in the public database.", cancellationToken, ChallengeDecision.FlaggedPromising);

    [HttpPost("{id:int}/not-promising")]
    public Task<IActionResult> NotPromising(int id, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, e => e.UnflagPromising(PortalRole.SupportUnit), "The promising flag was removed.", cancellationToken);

    /// <summary>Applies the Support Unit's change; a <paramref name="decision"/> is told to the member's points of contact once saved.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Guid version, Action<ChallengeEntry> change, string success, CancellationToken cancellationToken, ChallengeDecision? decision = null)
    {
        var entry = await db.ChallengeEntries.Include(e => e.Member).Include(e => e.Milestones).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var saved = await this.TrySaveChangeAsync(
            db,
            () =>
            {
                db.ExpectVersion(entry, version);
                change(entry);
            },
            success,
            cancellationToken);
        if (saved && decision is { } decided)
        {
            await notifications.ChallengeEntryDecidedAsync(entry, decided, cancellationToken);
        }

        return Redirect($"/support-unit/challenge/{id}");
    }
}
