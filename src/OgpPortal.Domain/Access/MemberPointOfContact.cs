using OgpPortal.Domain.Members;

namespace OgpPortal.Domain.Access;

/// <summary>
/// Links a point-of-contact account to a member it may act for. A member may have several, often one
/// per ministry, each with the institution they speak for and a phone number.
/// </summary>
public class MemberPointOfContact
{
    public int MemberId { get; set; }

    public Member Member { get; set; } = null!;

    /// <summary>The Identity user's id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The ministry or agency the contact works for.</summary>
    public string? Institution { get; set; }

    public string? Phone { get; set; }
}
