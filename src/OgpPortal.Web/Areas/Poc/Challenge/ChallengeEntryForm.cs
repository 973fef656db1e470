using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Web.Shared.Forms;

namespace OgpPortal.Web.Areas.Poc.Challenge;

/// <summary>An Open Gov Challenge entry as its author edits it.</summary>
public sealed class ChallengeEntryForm : IOgpValuesInput
{
    public const int MilestoneRows = 4;

    [Display(Name = "Title of the reform")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Challenge area")]
    public ChallengeArea? Area { get; set; }

    [Display(Name = "How it takes part")]
    public Participation? Participation { get; set; }

    [Display(Name = "Action-plan commitment (identifier, e.g. KE0034)")]
    public string? CommitmentIdentifier { get; set; }

    [Display(Name = "Level of government")]
    public GovernmentLevel? Level { get; set; }

    [Display(Name = "Locality (for a local government that is not a member)")]
    public string? LocalityName { get; set; }

    [Display(Name = "Lead public institution")]
    public string LeadInstitution { get; set; } = string.Empty;

    [Display(Name = "Access to information")]
    public bool AccessToInformation { get; set; }

    [Display(Name = "Civic participation")]
    public bool CivicParticipation { get; set; }

    [Display(Name = "Public accountability")]
    public bool PublicAccountability { get; set; }

    [Display(Name = "Technology and innovation (only alongside one of the above)")]
    public bool TechnologyAndInnovation { get; set; }

    public List<ChallengeMilestoneInput> Milestones { get; set; } = [];

    public Guid Version { get; set; }

    [BindNever]
    public int MemberId { get; set; }

    [BindNever]
    public string MemberName { get; set; } = string.Empty;

    [BindNever]
    public int? EntryId { get; set; }

    public OgpValues Values => this.Checked();

    public IEnumerable<ChallengeMilestoneInput> FilledMilestones => Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueDate is not null);

    /// <summary>The rows the form shows: the filled ones and blank ones up to <see cref="MilestoneRows"/>.</summary>
    public ChallengeEntryForm WithBlankRows()
    {
        Milestones = [.. FilledMilestones, .. Enumerable.Range(0, Math.Max(1, MilestoneRows - FilledMilestones.Count())).Select(_ => new ChallengeMilestoneInput())];
        return this;
    }

    public ChallengeEntryText ToText(Commitment? commitment) =>
        new(Title, Description, Area!.Value, Participation!.Value, commitment, Level!.Value, LocalityName, LeadInstitution, Values);

    public IEnumerable<(string Title, DateOnly Due)> MilestoneValues() => FilledMilestones.Select(m => (m.Title!, m.DueDate!.Value));

    public static ChallengeEntryForm From(ChallengeEntry entry) => new ChallengeEntryForm
    {
        EntryId = entry.Id,
        MemberId = entry.MemberId,
        MemberName = entry.Member.Name,
        Title = entry.Title,
        Description = entry.Description,
        Area = entry.Area,
        Participation = entry.Participation,
        CommitmentIdentifier = entry.Commitment?.Identifier,
        Level = entry.Level,
        LocalityName = entry.LocalityName,
        LeadInstitution = entry.LeadInstitution,
        Milestones = entry.Milestones.OrderBy(m => m.DueDate).Select(m => new ChallengeMilestoneInput { Title = m.Title, DueDate = m.DueDate }).ToList(),
        Version = entry.Version,
    }.Tick(entry.Values).WithBlankRows();
}

public sealed class ChallengeMilestoneInput
{
    [Display(Name = "Milestone")]
    public string? Title { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }
}

public sealed class ChallengeEntryFormValidator : AbstractValidator<ChallengeEntryForm>
{
    public ChallengeEntryFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Give the reform a title.")
            .MaximumLength(Limits.CommitmentTitle).WithMessage($"The title has at most {Limits.CommitmentTitle} characters.");
        RuleFor(f => f.Description).MaximumLength(Limits.LongText).WithMessage($"The description has at most {Limits.LongText} characters.");
        RuleFor(f => f.Area).NotNull().WithMessage("Choose one of the ten Challenge areas.").IsInEnum().WithMessage("Choose one of the ten Challenge areas.");
        RuleFor(f => f.Participation).NotNull().WithMessage("Choose how the reform takes part.").IsInEnum().WithMessage("Choose how the reform takes part.");
        RuleFor(f => f.Level).NotNull().WithMessage("Choose the level of government.").IsInEnum().WithMessage("Choose the level of government.");
        RuleFor(f => f.CommitmentIdentifier).NotEmpty().When(f => f.Participation == Participation.ActionPlanCommitment)
            .WithMessage("Give the identifier of the action-plan commitment, e.g. KE0034.");
        RuleFor(f => f.LocalityName).Cascade(CascadeMode.Stop)
            .NotEmpty().When(f => f.Level == GovernmentLevel.LocalNonMember).WithMessage("Name the locality of a local government that is not an OGP member.")
            .MaximumLength(Limits.MemberName).WithMessage($"The locality has at most {Limits.MemberName} characters.");
        RuleFor(f => f.LeadInstitution).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Name the lead public institution: the Challenge requires public-sector ownership.")
            .MaximumLength(Limits.Institution).WithMessage($"The institution has at most {Limits.Institution} characters.");
        RuleFor(f => f.Values).Must(v => OgpValuesRules.Problem(v) is null).WithMessage(f => OgpValuesRules.Problem(f.Values)!).OverridePropertyName(nameof(ChallengeEntryForm.TechnologyAndInnovation));
        RuleFor(f => f.Milestones).Must(m => m.Count <= 40).WithMessage("An entry has at most 20 milestones.");
        RuleFor(f => f.FilledMilestones).Must(m => m.Count() <= 20).OverridePropertyName(nameof(ChallengeEntryForm.Milestones)).WithMessage("An entry has at most 20 milestones.");
        RuleFor(f => f.FilledMilestones).Must(m => m.Any()).OverridePropertyName(nameof(ChallengeEntryForm.Milestones))
            .WithMessage("Give the reform at least one milestone with its due date.");
        RuleFor(f => f.FilledMilestones)
            .Must(rows => !rows.Any(m => m.DueDate is not null) || rows.Any(m => m.DueDate >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .OverridePropertyName(nameof(ChallengeEntryForm.Milestones))
            .WithMessage("The Challenge is for ongoing or planned reforms: give at least one milestone due today or later.");
        RuleFor(f => f.FilledMilestones)
            .Must(rows => rows.All(m => !string.IsNullOrWhiteSpace(m.Title) && m.DueDate is not null && m.Title.Length <= Limits.MilestoneTitle))
            .OverridePropertyName(nameof(ChallengeEntryForm.Milestones))
            .WithMessage("Each milestone needs a title (up to 500 characters) and a due date.");
    }
}
