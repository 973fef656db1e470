using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.Reports;
using OgpPortal.Web.Shared.Search;

namespace OgpPortal.Web.Areas.Public.Commitments;

[Route("commitments")]
public sealed class CommitmentsController(CommitmentPageQuery query, PublicFindings findings) : PublicController
{
    public const string IgnoredCriteriaKey = "commitments.ignored";

    /// <summary>
    /// Searches public commitments. A criterion that cannot be read (an unknown region, a page that is not a
    /// number) is left out and the page says so; it is never an error.
    /// </summary>
    [StandbyReads]
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? q, string? member, Region? region, MemberKind? kind, int? policy, ChallengeArea? challenge, int? year,
        Completion? completion, PotentialForResults? potential, bool? promising, bool? starred, CommitmentSort? sort, int? page,
        [FromServices] CommitmentSearch search, CancellationToken cancellationToken)
    {
        var criteria = new CommitmentSearchCriteria
        {
            Q = q,
            Member = member,
            Region = Defined(region),
            Kind = Defined(kind),
            Policy = policy,
            Challenge = Defined(challenge),
            Year = year,
            Completion = Defined(completion),
            Potential = Defined(potential),
            Promising = promising == true,
            Starred = starred == true,
            Sort = Defined(sort),
            Page = page ?? 1,
        };
        ViewData[IgnoredCriteriaKey] = !ModelState.IsValid
            || Undefined(region) || Undefined(kind) || Undefined(challenge) || Undefined(completion) || Undefined(potential) || Undefined(sort);
        return View(await search.SearchAsync(criteria, cancellationToken));
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("{identifier}")]
    public async Task<IActionResult> Show(string identifier, CancellationToken cancellationToken)
    {
        var commitment = await query.GetAsync(identifier, cancellationToken);
        return commitment is null
            ? NotFound()
            : View(commitment with { Findings = await findings.ForCommitmentAsync(commitment.Identifier, cancellationToken) });
    }

    // "region=7" binds to an undefined enum value; it is treated like any other unknown value.
    private static T? Defined<T>(T? value)
        where T : struct, Enum => value is { } v && Enum.IsDefined(v) ? v : null;

    private static bool Undefined<T>(T? value)
        where T : struct, Enum => value is { } v && !Enum.IsDefined(v);
}
