using System.Text.RegularExpressions;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Members;

/// <summary>A national or local government that takes part in OGP.</summary>
public partial class Member : AuditableEntity
{
    /// <summary>Founding members joined in 2011.</summary>
    public const int FirstJoinedYear = 2011;

    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The member's code, which prefixes its commitment identifiers: <c>NO</c> for Norway,
    /// <c>BUE</c> for Buenos Aires (so <c>NO0090</c>, <c>BUE0009</c>).
    /// </summary>
    public string Code { get; set; } = string.Empty;

    public MemberKind Kind { get; set; }

    public Region Region { get; set; }

    /// <summary>The country a local member sits in; for national members, the country itself.</summary>
    public string? Country { get; set; }

    public int JoinedYear { get; set; }

    public MemberStatus Status { get; set; } = MemberStatus.Active;

    public string? Website { get; set; }

    public ICollection<ActionPlan> ActionPlans { get; } = new List<ActionPlan>();

    /// <summary>True when the code is two to four capital letters, as OGP's identifiers use.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex CodePattern();
}
