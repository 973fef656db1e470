using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Areas.Public.Consultations;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Areas.Public.Members;

[Route("members")]
public sealed class MembersController(MembersQuery query) : PublicController
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("")]
    public async Task<IActionResult> Index(MemberKind? kind, Region? region, int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(new MemberFilter(kind, region), Paging.Clamp(page), cancellationToken));

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, [FromServices] PublicConsultationQuery consultations, CancellationToken cancellationToken)
    {
        var member = await query.ProfileAsync(code, cancellationToken);
        return member is null
            ? NotFound()
            : View(member with { OpenConsultations = await consultations.OpenAsync(cancellationToken, member.Id) });
    }
}
