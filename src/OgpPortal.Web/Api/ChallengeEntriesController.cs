using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Domain.Commitments;
using OgpPortal.Web.Shared.OpenData;

namespace OgpPortal.Web.Api;

[Route("api/v1/challenge-entries")]
[Tags("Open Gov Challenge")]
public sealed class ChallengeEntriesController(PublicData data) : ApiController
{
    [HttpGetOrHead("")]
    [EndpointSummary("List Open Gov Challenge entries")]
    [EndpointDescription("Accepted entries of the Open Gov Challenge, newest first. Drafts, submitted and returned entries are never listed.")]
    [ProducesResponseType<PagedList<ChallengeEntryRecord>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> List(
        [FromQuery(Name = "area"), Description("Only entries in this Challenge area.")] ChallengeArea? area,
        [Description("Only entries of the member with this code (e.g. KE).")] string? member,
        [Description("Page number, from 1.")] int? page,
        [Description("Records per page, 1 to 100 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (CheckPaging(page, pageSize) is { } bad)
        {
            return bad;
        }

        var entries = data.ChallengeEntries();
        if (area is { } a)
        {
            entries = entries.Where(e => e.Area == a);
        }

        if (!string.IsNullOrWhiteSpace(member))
        {
            var code = member.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.Member.Code == code);
        }

        return await PagedAsync(entries.OrderByDescending(e => e.AcceptedAt).ThenBy(e => e.Id).Select(PublicData.ToChallengeEntry), page, pageSize, cancellationToken);
    }
}
