namespace OgpPortal.Domain.Common;

/// <summary>
/// Maximum lengths shared by the validators and the database configuration, so both always agree.
/// </summary>
public static class Limits
{
    public const int MemberName = 200;
    public const int MemberCode = 4;
    public const int Country = 100;
    public const int Url = 500;
    public const int PlanTitle = 300;
    public const int CommitmentIdentifier = 8;
    public const int CommitmentTitle = 500;
    public const int ShortTitle = 150;
    public const int Theme = 200;
    public const int LongText = 20_000;
    public const int Institution = 500;
    public const int SupportingInstitutions = 2_000;
    public const int Reason = 2_000;
    public const int MilestoneTitle = 500;
    public const int PersonName = 200;
    public const int Email = 256;
    public const int PolicyAreaName = 100;
    public const int UserId = 450;
    public const int Phone = 50;
    public const int Notes = 4_000;
    public const int ForumName = 300;
    public const int MeetingNote = 500;
    public const int Tier = 50;
    public const int PaymentNote = 500;
}
