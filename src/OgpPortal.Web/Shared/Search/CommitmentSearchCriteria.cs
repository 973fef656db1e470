using System.Globalization;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.Search;

public enum CommitmentSort
{
    /// <summary>Best match first; only when words are searched for.</summary>
    Relevance,

    Title,

    Member,

    /// <summary>Commitments of the most recently started plans first.</summary>
    NewestPlan,
}

/// <summary>
/// What a person (or the open-data API) searches public commitments for. Every value is optional; a value that
/// is out of range is cut back to a sensible one, never an error. The query-string names in
/// <see cref="ToQuery"/> are those of <c>/commitments</c>, so a search is a shareable address.
/// </summary>
public sealed record CommitmentSearchCriteria
{
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private readonly string? _q;
    private readonly string? _member;
    private readonly int _page = 1;
    private readonly int _pageSize = DefaultPageSize;

    /// <summary>Words to find in the title, short title, problem, description or solution.</summary>
    public string? Q
    {
        get => _q;
        init
        {
            var text = value?.Trim();
            _q = string.IsNullOrEmpty(text) ? null : text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        }
    }

    /// <summary>A member's code, e.g. <c>DK</c>.</summary>
    public string? Member
    {
        get => _member;
        init => _member = string.IsNullOrWhiteSpace(value) || value.Trim().Length > 10 ? null : value.Trim().ToUpperInvariant();
    }

    public Region? Region { get; init; }

    public MemberKind? Kind { get; init; }

    /// <summary>A policy area of OGP's taxonomy, by id.</summary>
    public int? Policy { get; init; }

    public ChallengeArea? Challenge { get; init; }

    /// <summary>The year the commitment's action plan starts.</summary>
    public int? Year { get; init; }

    /// <summary>Completion in the IRM's published Results Report.</summary>
    public Completion? Completion { get; init; }

    /// <summary>Potential for results in the IRM's published Action Plan Review.</summary>
    public PotentialForResults? Potential { get; init; }

    /// <summary>Flagged promising in the IRM's published Action Plan Review.</summary>
    public bool Promising { get; init; }

    /// <summary>A starred commitment by the IRM's legacy rule.</summary>
    public bool Starred { get; init; }

    /// <summary>The order asked for; null for the default (relevance when searching words, else newest plan).</summary>
    public CommitmentSort? Sort { get; init; }

    public int Page
    {
        get => _page;
        init => _page = Paging.Paging.Clamp(value);
    }

    public int PageSize
    {
        get => _pageSize;
        init => _pageSize = Math.Clamp(value, 1, MaxPageSize);
    }

    /// <summary>Whether to count the facets (the page does; the API may skip them).</summary>
    public bool WithFacets { get; init; } = true;

    /// <summary>The order that applies: relevance only when there are words to rank by.</summary>
    public CommitmentSort EffectiveSort(bool hasWords) => Sort switch
    {
        null => hasWords ? CommitmentSort.Relevance : CommitmentSort.NewestPlan,
        CommitmentSort.Relevance when !hasWords => CommitmentSort.NewestPlan,
        { } s when Enum.IsDefined(s) => s,
        _ => CommitmentSort.NewestPlan,
    };

    /// <summary>The criteria as query-string pairs (only those set), with another page or without one.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery(int? page = null) => new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["member"] = Member,
        ["region"] = Region?.ToString(),
        ["kind"] = Kind?.ToString(),
        ["policy"] = Policy?.ToString(CultureInfo.InvariantCulture),
        ["challenge"] = Challenge?.ToString(),
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["completion"] = Completion?.ToString(),
        ["potential"] = Potential?.ToString(),
        ["promising"] = Promising ? "true" : null,
        ["starred"] = Starred ? "true" : null,
        ["sort"] = Sort?.ToString(),
        ["page"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null);
}
