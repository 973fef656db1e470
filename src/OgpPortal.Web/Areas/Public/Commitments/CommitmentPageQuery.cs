using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Public.Commitments;

public sealed record ProgressNoteRow(DateOnly Date, CompletionLevel Completion, string Text);

public sealed record CommitmentPageViewModel(
    string Identifier,
    string Title,
    string? ShortTitle,
    string? Theme,
    int PlanId,
    int PlanNumber,
    string PlanTitle,
    string MemberName,
    string MemberCode,
    string? Problem,
    string? Description,
    string? Solution,
    string LeadInstitution,
    string? SupportingInstitutions,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? StartDateAsWritten,
    string? EndDateAsWritten,
    OgpValues Values,
    ChallengeArea? ChallengeArea,
    IReadOnlyList<string> PolicyAreas,
    IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<ProgressNoteRow> ProgressNotes,
    string? TextLanguage)
{
    public int ProgressPercent => Milestones.ProgressPercent();

    /// <summary>The IRM's published findings on the commitment; filled by the controller.</summary>
    public Shared.Reports.CommitmentFindings Findings { get; init; } = Shared.Reports.CommitmentFindings.None;
}

/// <summary>One commitment of a published plan, with its full text, milestones and progress timeline.</summary>
public sealed class CommitmentPageQuery(PortalDbContext db) : IFeatureService
{
    public Task<CommitmentPageViewModel?> GetAsync(string identifier, CancellationToken cancellationToken)
    {
        // Identifiers are stored in capitals; /commitments/dk0041 finds DK0041.
        var key = identifier.ToUpperInvariant();

        // Split: one query per collection, each narrowed to this commitment. As one query SQLite built the
        // policy areas, milestones and notes of every commitment before keeping this one's (0.1 s at 60,000).
        return db.Commitments.AsNoTracking()
            .AsSplitQuery()
            .WherePublic()
            .Where(c => c.Identifier == key)
            .Select(c => new CommitmentPageViewModel(
                c.Identifier,
                c.Title,
                c.ShortTitle,
                c.Theme,
                c.ActionPlanId,
                c.ActionPlan.Number,
                c.ActionPlan.Title,
                c.ActionPlan.Member.Name,
                c.ActionPlan.Member.Code,
                c.Problem,
                c.Description,
                c.Solution,
                c.LeadInstitution,
                c.SupportingInstitutions,
                c.StartDate,
                c.EndDate,
                c.StartDateAsWritten,
                c.EndDateAsWritten,
                c.Values,
                c.ChallengeArea,
                c.PolicyAreas.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                c.Milestones.AsQueryable().OrderBy(m => m.DueDate).Select(MilestoneRow.Projection).ToList(),
                c.ProgressNotes.OrderByDescending(n => n.Date).Select(n => new ProgressNoteRow(n.Date, n.Completion, n.Text)).ToList(),
                c.ActionPlan.TextLanguage))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
