namespace OgpPortal.Domain.Commitments;

/// <summary>The words of a commitment, following OGP's commitment template.</summary>
public sealed record CommitmentText(
    string Title,
    string? ShortTitle,
    string? Problem,
    string? Description,
    string? Solution,
    string LeadInstitution,
    string? SupportingInstitutions,
    DateOnly? StartDate,
    DateOnly? EndDate,
    OgpValues Values = OgpValues.None,
    ChallengeArea? ChallengeArea = null,
    string? Theme = null);

/// <summary>
/// A commitment's words as OGP's data records them: one full text instead of the template's parts, and
/// dates that may name no single day (then kept as written).
/// </summary>
public sealed record RecordedCommitment(
    string Title,
    string? ShortTitle,
    string? Theme,
    string? FullText,
    string? LeadInstitution,
    string? SupportingInstitutions,
    DateOnly? StartDate,
    string? StartDateAsWritten,
    DateOnly? EndDate,
    string? EndDateAsWritten,
    string? NumberInPlan,
    OgpValues Values);
