using System.Linq.Expressions;
using OgpPortal.Domain.Commitments;

namespace OgpPortal.Web.Shared.Plans;

/// <summary>
/// A commitment's words in full, as OGP's template has them (problem, commitment, how, institutions, period,
/// milestones): what the public reads of a consulted draft, and what a researcher reads beside the assessment.
/// Shown by <c>_CommitmentWords.cshtml</c>.
/// </summary>
public sealed record CommitmentWords(
    string Identifier,
    string Title,
    string? Problem,
    string? Description,
    string? Solution,
    string LeadInstitution,
    string? SupportingInstitutions,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<WordsMilestone> Milestones)
{
    /// <summary>A commitment's words as they are now.</summary>
    public static readonly Expression<Func<Commitment, CommitmentWords>> OfCommitment = c => new CommitmentWords(
        c.Identifier,
        c.Title,
        c.Problem,
        c.Description,
        c.Solution,
        c.LeadInstitution,
        c.SupportingInstitutions,
        c.StartDate,
        c.EndDate,
        c.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Title).Select(m => new WordsMilestone(m.Title, m.DueDate)).ToList());
}

public sealed record WordsMilestone(string Title, DateOnly DueDate);

/// <summary>
/// The model of <c>_CommitmentWords.cshtml</c>: the words, the level of the page's headings inside them, and whether
/// to list the milestones (a page that shows them with their progress leaves them out).
/// </summary>
/// <param name="TextLanguage">The language the words are written in (<c>ActionPlan.TextLanguage</c>); they are marked with it on a page in another.</param>
public sealed record CommitmentWordsBlock(CommitmentWords Words, int HeadingLevel, bool ShowMilestones = true, string? TextLanguage = null);
