using OgpPortal.Domain.Commitments;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>The column names of OGP's layouts, exactly as OGP writes them.</summary>
public static class OgpColumns
{
    public const string Identifier = "Commitment Unique Identifier";
    public const string Member = "Country/Locality";
    public const string PlanNumber = "Action Plan Number";
    public const string CommitmentNumber = "Commitment Number";
    public const string DataCode = "Code";
    public const string Region = "Region";
    public const string Kind = "National Or Local";
    public const string SubmissionYear = "Year Of Submission";
    public const string EndYear = "Action Plan End Year";
    public const string Duration = "Action Plan Duration (Years)";
    public const string Theme = "Theme";
    public const string Title = "Commitment Title";
    public const string ShortTitle = "Short Title";
    public const string FullText = "Full Text";
    public const string StartDate = "Start Date";
    public const string EndDate = "End Date";
    public const string LeadInstitution = "Lead Institution";
    public const string SupportingInstitutions = "Supporting Institution(s)";
    public const string Specificity = "Specificity";
    public const string Verifiable = "Verifiable";
    public const string ValueInformation = "OGP Value Access To Information";
    public const string ValueParticipation = "OGP Value Civic Participation";
    public const string ValueAccountability = "OGP Value Public Accountability";
    public const string ValueTechnology = "OGP Value Technology";
    public const string PotentialImpact = "Potential Impact";
    public const string CompletionAtProgressReport = "Completion (Progress Report)";
    public const string StarredAtProgressReport = "Starred (Current Formula) Progress Report";
    public const string PotentialForResults = "Potential for Results";
    public const string CompletionAtEndOfTerm = "Completion (End Of Term)";
    public const string EarlyResults = "Early Results";
    public const string DidItOpenGovernment = "Did It Open Government (Overall)";
    public const string StarredAtEndOfTerm = "Starred (Current Formula) End of Term";
    public const string PlanId = "Action Plan ID";

    /// <summary>
    /// OGP's id for a plan that has none of its own (made in the portal, or from the IRM explorer layout):
    /// <c>AP_</c>, the member's data code (else its code) and the plan's number in two digits, as OGP writes them.
    /// </summary>
    public static string PlanIdFor(string memberCode, int planNumber) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"AP_{memberCode}{planNumber:00}");

    /// <summary>The columns without which a file in the current layout cannot be taken in.</summary>
    public static readonly IReadOnlyList<string> CurrentKeys =
        [Identifier, Member, DataCode, Region, Kind, PlanId, PlanNumber, SubmissionYear, EndYear, Title];

    /// <summary>The IRM columns of the current layout; with none of them, a file leaves assessments alone.</summary>
    public static readonly IReadOnlyList<string> CurrentIrm =
    [
        Specificity, Verifiable, ValueInformation, ValueParticipation, ValueAccountability, ValueTechnology, PotentialImpact,
        CompletionAtProgressReport, StarredAtProgressReport, PotentialForResults, CompletionAtEndOfTerm, EarlyResults,
        DidItOpenGovernment, StarredAtEndOfTerm,
    ];

    /// <summary>
    /// Every column the portal reads from the current layout, in OGP's order: what the export writes. The
    /// policy areas sit where OGP puts them, after the supporting institutions.
    /// </summary>
    public static readonly IReadOnlyList<string> Export =
    [
        Identifier, Member, PlanNumber, CommitmentNumber, DataCode, Region, Kind, SubmissionYear, EndYear, Duration, Theme,
        Title, ShortTitle, FullText, StartDate, EndDate, LeadInstitution, SupportingInstitutions,
        .. PolicyAreaCatalog.All.Select(a => a.Name),
        .. CurrentIrm, PlanId,
    ];

    /// <summary>The IRM explorer layout (2015–2017): a row of column numbers above this header.</summary>
    public static class Explorer
    {
        public const string Country = "Country";
        public const string PlanNumber = "Action Plan Number";
        public const string Theme = "Theme";
        public const string CommitmentNumber = "Comm No";
        public const string Title = "Commitment Title";
        public const string ShortTitle = "Short Title";
        public const string FullText = "Full Text";
        public const string StartDate = "Start Date";
        public const string EndDate = "End Date";
        public const string LeadInstitution = "Lead Institution";
        public const string SupportingInstitutions = "Supporting Institution(s)";
        public const string Specificity = "Specificity";
        public const string ValueInformation = "Value -Info";
        public const string ValueParticipation = "Value -Part";
        public const string ValueAccountability = "Value -Acc";
        public const string ValueTechnology = "Value -Tech";
        public const string PotentialImpact = "Potential impact";
        public const string CompletionAtProgressReport = "Completion (progress report)";
        public const string StarredAtProgressReport = "Starred (current formula) progress report";
        public const string Assessed = "IRM Assessed (Y/N)?";
        public const string SubmissionYear = "Year of submission";
        public const string CompletionAtEndOfTerm = "Completion (end of term)";
        public const string DidItOpenGovernment = "Did it open government (end of term only)";

        public static readonly IReadOnlyList<string> Keys = [Country, PlanNumber, CommitmentNumber, Title, SubmissionYear];

        public static readonly IReadOnlyList<string> Irm =
        [
            Specificity, ValueInformation, ValueParticipation, ValueAccountability, ValueTechnology, PotentialImpact,
            CompletionAtProgressReport, StarredAtProgressReport, CompletionAtEndOfTerm, DidItOpenGovernment,
        ];

        public static readonly IReadOnlyList<string> All =
        [
            Country, PlanNumber, Theme, CommitmentNumber, Title, ShortTitle, FullText, StartDate, EndDate, LeadInstitution,
            SupportingInstitutions, .. Irm, Assessed, SubmissionYear,
        ];
    }
}
