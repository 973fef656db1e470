using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Search;
using OgpPortal.Web.Shared.Localization;
using OgpPortal.Web.Shared.Paging;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Shared.Search;

/// <summary>One commitment in the search results.</summary>
public sealed record CommitmentSearchRow(
    string Identifier,
    string Title,
    string? ShortTitle,
    string MemberCode,
    string MemberName,
    int PlanId,
    int PlanNumber,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ChallengeArea? ChallengeArea);

/// <summary>One value of a facet: what is sent (<see cref="Value"/>), what is read, and how many results it would give.</summary>
public sealed record FacetValue(string Value, string Label, int Count);

/// <summary>
/// A facet: the criterion's query-string name, its label and its values with counts. The label is English (a
/// page shows it with <c>L.Text</c>); <see cref="ValuesAreText"/> says whether the values' labels are English
/// text to translate too (an enum's names), not names already said in the page's language (members' and
/// policy areas' names, <see cref="MemberNames"/> and the taxonomy's translations).
/// </summary>
public sealed record Facet(string Key, string Label, IReadOnlyList<FacetValue> Values, bool ValuesAreText = false)
{
    public int CountOf(string value) => Values.FirstOrDefault(v => v.Value == value)?.Count ?? 0;
}

/// <summary>A page of results and, when asked for, the facets with their counts.</summary>
public sealed record CommitmentSearchResult(CommitmentSearchCriteria Criteria, CommitmentSort Sort, Page<CommitmentSearchRow> Page, IReadOnlyList<Facet> Facets)
{
    public Facet? Facet(string key) => Facets.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// Searches the commitments of public plans (published or closed) by words and facets. Words go to the
/// database's full-text index (<see cref="ICommitmentTextSearch"/>), whose matching ids are joined into the
/// EF Core query; every count is a GROUP BY in the database. Each facet is counted with all the other criteria
/// applied but not its own, so its counts say what choosing another value would give. Used by
/// <c>/commitments</c>; meant for the open-data API as well (ADR 0007).
/// </summary>
public sealed class CommitmentSearch(PortalDbContext db, ICommitmentTextSearch textSearch, IStringLocalizer<SharedResource> localizer) : IFeatureService
{
    /// <summary>
    /// <see cref="LegacyAssessment.IsStarred"/> as the database can run it: OGP's own flag where its data
    /// records one, otherwise OGP's legacy "starred" rule (<see cref="Domain.Irm.Starred.Rule"/>).
    /// </summary>
    private static readonly Expression<Func<LegacyAssessment, bool>> IsStarred = l =>
        (l.StarredAtEndOfTerm ?? l.StarredAtProgressReport) == true
        || ((l.StarredAtEndOfTerm ?? l.StarredAtProgressReport) == null
            && (l.Specificity == Specificity.Medium || l.Specificity == Specificity.High)
            && l.Relevance != OgpValues.None
            && (l.PotentialImpact == PotentialImpact.Moderate || l.PotentialImpact == PotentialImpact.Transformative)
            && ((l.CompletionAtEndOfTerm ?? l.CompletionAtProgressReport) == LegacyCompletion.Substantial
                || (l.CompletionAtEndOfTerm ?? l.CompletionAtProgressReport) == LegacyCompletion.Complete));

    public async Task<CommitmentSearchResult> SearchAsync(CommitmentSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var terms = SearchTerms.Parse(criteria.Q);
        var matches = terms.IsEmpty ? null : textSearch.Match(terms);
        var sort = criteria.EffectiveSort(!terms.IsEmpty);

        Page<CommitmentSearchRow> page;
        if (matches is not null && sort == CommitmentSort.Relevance)
        {
            page = await Filtered(criteria, null, null)
                .Join(matches, c => c.Id, m => m.Id, (c, m) => new { c, m.Score })
                .OrderByDescending(x => x.Score).ThenBy(x => x.c.Identifier)
                .Select(x => x.c)
                .Select(Row)
                .ToPageAsync(criteria.Page, criteria.PageSize, cancellationToken);
        }
        else
        {
            // The page's ids sorted from the indexes alone, then only those rows read (17.8 -> 1.8 ms at 60,000).
            page = await Filtered(criteria, matches, null).ToPageByIdAsync(
                db.Commitments.AsNoTracking(), c => Ordered(c, sort), Row, criteria.Page, criteria.PageSize, cancellationToken);
        }

        var facets = criteria.WithFacets ? await FacetsAsync(criteria, matches, cancellationToken) : [];
        return new CommitmentSearchResult(criteria, sort, page, facets);
    }

    private static IOrderedQueryable<Commitment> Ordered(IQueryable<Commitment> commitments, CommitmentSort sort) => sort switch
    {
        CommitmentSort.Title => commitments.OrderBy(c => c.Title).ThenBy(c => c.Identifier),
        CommitmentSort.Member => commitments.OrderBy(c => c.ActionPlan.Member.Name).ThenBy(c => c.Identifier),
        _ => commitments.OrderByDescending(c => c.ActionPlan.PeriodStart).ThenBy(c => c.Identifier),
    };

    private static readonly Expression<Func<Commitment, CommitmentSearchRow>> Row = c => new CommitmentSearchRow(
        c.Identifier,
        c.Title,
        c.ShortTitle,
        c.ActionPlan.Member.Code,
        c.ActionPlan.Member.Name,
        c.ActionPlanId,
        c.ActionPlan.Number,
        c.ActionPlan.PeriodStart,
        c.ActionPlan.PeriodEnd,
        c.ChallengeArea);

    private async Task<IReadOnlyList<Facet>> FacetsAsync(CommitmentSearchCriteria criteria, IQueryable<TextMatch>? matches, CancellationToken cancellationToken)
    {
        IQueryable<Commitment> Without(string key) => Filtered(criteria, matches, key);

        var members = await Without("member")
            .GroupBy(c => new { c.ActionPlan.Member.Code, c.ActionPlan.Member.Name })
            .Select(g => new { g.Key.Code, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var regions = await Without("region").GroupBy(c => c.ActionPlan.Member.Region).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var kinds = await Without("kind").GroupBy(c => c.ActionPlan.Member.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var policies = await Without("policy").SelectMany(c => c.PolicyAreas)
            .GroupBy(a => new { a.Id, a.Name })
            .Select(g => new { g.Key.Id, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var challenges = await Without("challenge").Where(c => c.ChallengeArea != null)
            .GroupBy(c => c.ChallengeArea!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var years = await Without("year").GroupBy(c => c.ActionPlan.PeriodStart.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var (completions, potentials, promising) = await IrmFacetsAsync(criteria, matches, cancellationToken);
        var forStarred = Without("starred").Select(c => c.Id);
        var starred = await db.LegacyAssessments.AsNoTracking().Where(IsStarred).CountAsync(l => forStarred.Contains(l.CommitmentId), cancellationToken);

        return
        [
            new("member", Localizable.Text("Member"), members.Select(m => new FacetValue(m.Code, MemberNames.Of(m.Name), m.Count)).OrderBy(m => m.Label, StringComparer.CurrentCulture).ToList()),
            EnumFacet("region", Localizable.Text("Region"), regions.ToDictionary(r => r.Key, r => r.Count)),
            EnumFacet("kind", Localizable.Text("Kind of member"), kinds.ToDictionary(r => r.Key, r => r.Count)),
            new("policy", Localizable.Text("Policy area"), policies.Select(p => new FacetValue(p.Id.ToString(CultureInfo.InvariantCulture), localizer.Text(p.Name), p.Count)).OrderBy(p => p.Label, StringComparer.CurrentCulture).ToList()),
            EnumFacet("challenge", Localizable.Text("Open Gov Challenge area"), challenges.ToDictionary(r => r.Key, r => r.Count)),
            new("year", Localizable.Text("Plan start year"), years.OrderByDescending(y => y.Key).Select(y => new FacetValue(y.Key.ToString(CultureInfo.InvariantCulture), y.Key.ToString(CultureInfo.InvariantCulture), y.Count)).ToList()),
            EnumFacet("completion", Localizable.Text("Completion (IRM Results Report)"), completions),
            EnumFacet("potential", Localizable.Text("Potential for results (IRM)"), potentials),
            new("promising", Localizable.Text("Promising (IRM)"), [new FacetValue("true", Localizable.Text("Promising"), promising)]),
            new("starred", Localizable.Text("Starred (IRM, legacy)"), [new FacetValue("true", Localizable.Text("Starred"), starred)]),
        ];
    }

    /// <summary>
    /// The IRM facets. When none of them is chosen they all count the same commitments, so one query reads the
    /// published assessments once and groups them by report type and finding; otherwise one query each, as each
    /// leaves out its own criterion.
    /// </summary>
    private async Task<(Dictionary<Completion, int> Completions, Dictionary<PotentialForResults, int> Potentials, int Promising)> IrmFacetsAsync(
        CommitmentSearchCriteria criteria, IQueryable<TextMatch>? matches, CancellationToken cancellationToken)
    {
        if (criteria.Completion is null && criteria.Potential is null && !criteria.Promising)
        {
            var ids = Filtered(criteria, matches, null).Select(c => c.Id);
            var groups = await PublicReports()
                .Where(r => r.Type == ReportType.ResultsReport || r.Type == ReportType.ActionPlanReview)
                .SelectMany(r => r.Assessments, (r, a) => new { r.Type, a.CommitmentId, a.Completion, a.Potential, a.Promising })
                .Where(a => ids.Contains(a.CommitmentId))
                .GroupBy(a => new { a.Type, a.Completion, a.Potential, a.Promising })
                .Select(g => new { g.Key.Type, g.Key.Completion, g.Key.Potential, g.Key.Promising, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var results = groups.Where(g => g.Type == ReportType.ResultsReport).ToList();
            var reviews = groups.Where(g => g.Type == ReportType.ActionPlanReview).ToList();
            return (
                results.Where(g => g.Completion is not null).GroupBy(g => g.Completion!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
                reviews.Where(g => g.Potential is not null).GroupBy(g => g.Potential!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
                reviews.Where(g => g.Promising).Sum(g => g.Count));
        }

        var forCompletion = Filtered(criteria, matches, "completion").Select(c => c.Id);
        var completions = await Assessed(ReportType.ResultsReport)
            .Where(a => a.Completion != null && forCompletion.Contains(a.CommitmentId))
            .GroupBy(a => a.Completion!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var forPotential = Filtered(criteria, matches, "potential").Select(c => c.Id);
        var potentials = await Assessed(ReportType.ActionPlanReview)
            .Where(a => a.Potential != null && forPotential.Contains(a.CommitmentId))
            .GroupBy(a => a.Potential!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var forPromising = Filtered(criteria, matches, "promising").Select(c => c.Id);
        var promising = await Assessed(ReportType.ActionPlanReview).CountAsync(a => a.Promising && forPromising.Contains(a.CommitmentId), cancellationToken);
        return (completions, potentials, promising);
    }

    /// <summary>Every value of the enum in its order, with its count (0 when none), so the choices stay put.</summary>
    private static Facet EnumFacet<T>(string key, string label, Dictionary<T, int> counts)
        where T : struct, Enum =>
        new(key, label, Enum.GetValues<T>().Select(v => new FacetValue(v.ToString(), EnumDisplay.Name(v), counts.GetValueOrDefault(v))).ToList(), ValuesAreText: true);

    /// <summary>The assessments of the IRM's published reports of one type (on public plans only).</summary>
    private IQueryable<CommitmentAssessment> Assessed(ReportType type) =>
        PublicReports().Where(r => r.Type == type).SelectMany(r => r.Assessments);

    /// <summary>The IRM reports whose findings the search shows: published, on a published or closed plan.</summary>
    private IQueryable<IrmReport> PublicReports() =>
        db.IrmReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published)
            .Where(r => r.ActionPlan.Status == ActionPlanStatus.Published || r.ActionPlan.Status == ActionPlanStatus.Closed);

    /// <summary>Public commitments narrowed by every criterion that is set, except the facet <paramref name="except"/>.</summary>
    private IQueryable<Commitment> Filtered(CommitmentSearchCriteria f, IQueryable<TextMatch>? matches, string? except)
    {
        var commitments = db.Commitments.AsNoTracking().WherePublic();
        if (matches is not null)
        {
            // IN (SELECT …): the full-text query runs once, not per commitment.
            var ids = matches.Select(m => m.Id);
            commitments = commitments.Where(c => ids.Contains(c.Id));
        }

        if (except != "member" && f.Member is { } code)
        {
            commitments = commitments.Where(c => c.ActionPlan.Member.Code == code);
        }

        if (except != "region" && f.Region is { } region)
        {
            commitments = commitments.Where(c => c.ActionPlan.Member.Region == region);
        }

        if (except != "kind" && f.Kind is { } kind)
        {
            commitments = commitments.Where(c => c.ActionPlan.Member.Kind == kind);
        }

        if (except != "policy" && f.Policy is { } policy)
        {
            commitments = commitments.Where(c => c.PolicyAreas.Any(a => a.Id == policy));
        }

        if (except != "challenge" && f.Challenge is { } challenge)
        {
            commitments = commitments.Where(c => c.ChallengeArea == challenge);
        }

        if (except != "year" && f.Year is { } year)
        {
            var start = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
            var end = start.AddYears(1);
            commitments = commitments.Where(c => c.ActionPlan.PeriodStart >= start && c.ActionPlan.PeriodStart < end);
        }

        if (except != "completion" && f.Completion is { } completion)
        {
            var ids = Assessed(ReportType.ResultsReport).Where(a => a.Completion == completion).Select(a => a.CommitmentId);
            commitments = commitments.Where(c => ids.Contains(c.Id));
        }

        if (except != "potential" && f.Potential is { } potential)
        {
            var ids = Assessed(ReportType.ActionPlanReview).Where(a => a.Potential == potential).Select(a => a.CommitmentId);
            commitments = commitments.Where(c => ids.Contains(c.Id));
        }

        if (except != "promising" && f.Promising)
        {
            var ids = Assessed(ReportType.ActionPlanReview).Where(a => a.Promising).Select(a => a.CommitmentId);
            commitments = commitments.Where(c => ids.Contains(c.Id));
        }

        if (except != "starred" && f.Starred)
        {
            var ids = db.LegacyAssessments.Where(IsStarred).Select(l => l.CommitmentId);
            commitments = commitments.Where(c => ids.Contains(c.Id));
        }

        return commitments;
    }
}
