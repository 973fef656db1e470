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
    /// <summary>OGP's own data has titles and short titles of 600 characters; the portal takes what its history holds.</summary>
    public const int CommitmentTitle = 1_000;
    public const int ShortTitle = 1_000;
    public const int Theme = 200;
    public const int LongText = 20_000;
    public const int Institution = 1_000;

    /// <summary>A commitment's problem, description and solution: OGP's data has full texts of 28,000 characters.</summary>
    public const int CommitmentText = 50_000;

    /// <summary>OGP's code for a member in its data and action plan ids (ALB, ARBA).</summary>
    public const int DataCode = 8;

    /// <summary>OGP's action plan id (AP_ALB01).</summary>
    public const int OgpPlanId = 20;

    /// <summary>A commitment's number as its plan writes it (3.2.5), or a date as OGP's data gives it (July 2014).</summary>
    public const int RecordedText = 100;
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
