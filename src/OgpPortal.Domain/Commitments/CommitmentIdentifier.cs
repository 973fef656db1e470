using System.Globalization;
using System.Text.RegularExpressions;

namespace OgpPortal.Domain.Commitments;

/// <summary>
/// OGP's commitment identifiers: the member's code and a four-digit running number, e.g. <c>NO0090</c>.
/// </summary>
public static partial class CommitmentIdentifier
{
    public static bool IsValid(string? identifier) => identifier is not null && Pattern().IsMatch(identifier);

    public static bool BelongsTo(string? identifier, string memberCode) =>
        IsValid(identifier) && identifier![..^4] == memberCode;

    public static string Create(string memberCode, int number)
    {
        if (number is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A commitment number runs from 1 to 9999.");
        }

        return memberCode + number.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The running number of an identifier: 90 for <c>NO0090</c>.</summary>
    public static int NumberOf(string identifier) => int.Parse(identifier[^4..], CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Z]{2,4}[0-9]{4}$")]
    private static partial Regex Pattern();
}
