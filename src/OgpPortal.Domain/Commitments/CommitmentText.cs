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
