using OgpPortal.Domain.Members;

namespace OgpPortal.Domain.Access;

/// <summary>Links a point-of-contact account to a member it may act for. A member may have several.</summary>
public class MemberPointOfContact
{
    public int MemberId { get; set; }

    public Member Member { get; set; } = null!;

    /// <summary>The Identity user's id.</summary>
    public string UserId { get; set; } = string.Empty;
}
