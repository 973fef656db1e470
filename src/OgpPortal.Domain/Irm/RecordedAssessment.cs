using System.ComponentModel.DataAnnotations;
using System.Globalization;
using OgpPortal.Domain.Commitments;

namespace OgpPortal.Domain.Irm;

/// <summary>
/// Why OGP's data has no value for an indicator. OGP's export tells these apart with placeholders, and
/// the portal keeps them apart too.
/// </summary>
public enum NoDataKind
{
    /// <summary><c>ND</c> (or a blank cell): no data.</summary>
    [Display(Name = "No data")]
    NoData,

    /// <summary><c>NR</c>: not relevant or not reviewed (e.g. no end-of-term report was written).</summary>
    [Display(Name = "Not reviewed")]
    NotReviewed,

    /// <summary><c>NA</c>: not applicable.</summary>
    [Display(Name = "Not applicable")]
    NotApplicable,
}

/// <summary>The IRM indicators OGP's data records for a commitment, in both generations.</summary>
public enum IrmIndicator
{
    Specificity,
    Verifiable,
    Relevance,

    [Display(Name = "Potential impact")]
    PotentialImpact,

    [Display(Name = "Potential for results")]
    PotentialForResults,

    [Display(Name = "Completion (progress report)")]
    CompletionAtProgressReport,

    [Display(Name = "Completion (end of term)")]
    CompletionAtEndOfTerm,

    [Display(Name = "Did it open government?")]
    DidItOpenGovernment,

    [Display(Name = "Early results")]
    EarlyResults,

    [Display(Name = "Starred (progress report)")]
    StarredAtProgressReport,

    [Display(Name = "Starred (end of term)")]
    StarredAtEndOfTerm,
}

/// <summary>
/// The early results of a Results Report as OGP's data first recorded them (2021–2022), before the
/// "Did it open government?" scale was used for them.
/// </summary>
public enum RecordedEarlyResults
{
    [Display(Name = "No notable results")]
    NoNotableResults,

    Moderate,
    Significant,
}

/// <summary>
/// Which indicators are not reviewed or not applicable. Stored as one short text
/// (<c>Specificity=NotReviewed;CompletionAtProgressReport=NotApplicable</c>); an indicator without a value
/// that is not listed has no data.
/// </summary>
public sealed class NoDataKinds : IEquatable<NoDataKinds>
{
    private readonly SortedDictionary<IrmIndicator, NoDataKind> _kinds;

    public NoDataKinds(IEnumerable<KeyValuePair<IrmIndicator, NoDataKind>> kinds)
    {
        _kinds = new SortedDictionary<IrmIndicator, NoDataKind>(kinds.Where(k => k.Value != NoDataKind.NoData).ToDictionary(k => k.Key, k => k.Value));
    }

    public static NoDataKinds None { get; } = new([]);

    public bool IsEmpty => _kinds.Count == 0;

    /// <summary>Why an indicator without a value has none: not reviewed, not applicable, or (by default) no data.</summary>
    public NoDataKind Of(IrmIndicator indicator) => _kinds.TryGetValue(indicator, out var kind) ? kind : NoDataKind.NoData;

    public static NoDataKinds Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var kinds = new Dictionary<IrmIndicator, NoDataKind>();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<IrmIndicator>(parts[0], out var indicator) && Enum.TryParse<NoDataKind>(parts[1], out var kind))
            {
                kinds[indicator] = kind;
            }
        }

        return new NoDataKinds(kinds);
    }

    public override string ToString() =>
        string.Join(';', _kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key}={k.Value}")));

    public bool Equals(NoDataKinds? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as NoDataKinds);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// Every IRM value OGP's data records for one commitment, with why a value is missing. What an import
/// reads and what <see cref="LegacyAssessment"/> keeps.
/// </summary>
public sealed record RecordedIrmValues(
    Specificity? Specificity,
    bool? Verifiable,
    OgpValues Relevance,
    PotentialImpact? PotentialImpact,
    PotentialForResults? PotentialForResults,
    LegacyCompletion? CompletionAtProgressReport,
    LegacyCompletion? CompletionAtEndOfTerm,
    EarlyResults? DidItOpenGovernment,
    RecordedEarlyResults? EarlyResults,
    bool? StarredAtProgressReport,
    bool? StarredAtEndOfTerm,
    NoDataKinds Missing)
{
    /// <summary>True when OGP's data says anything for the commitment beyond "no data".</summary>
    public bool IsRecorded => HasAnyValue || !Missing.IsEmpty;

    private bool HasAnyValue =>
        Specificity is not null || Verifiable is not null || Relevance != OgpValues.None || PotentialImpact is not null
        || PotentialForResults is not null || CompletionAtProgressReport is not null || CompletionAtEndOfTerm is not null
        || DidItOpenGovernment is not null || EarlyResults is not null || StarredAtProgressReport is not null || StarredAtEndOfTerm is not null;
}
