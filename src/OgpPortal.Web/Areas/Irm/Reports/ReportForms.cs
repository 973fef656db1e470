using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Web.Shared.Forms;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Irm.Reports;

/// <summary>A report's text: summary, key findings and an optional link to the full document.</summary>
public sealed class ReportTextForm
{
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Key findings")]
    public string? KeyFindings { get; set; }

    [Display(Name = "Link to the report document (optional)")]
    public string? DocumentUrl { get; set; }

    public Guid Version { get; set; }
}

public sealed class ReportTextFormValidator : AbstractValidator<ReportTextForm>
{
    public ReportTextFormValidator()
    {
        RuleFor(f => f.Summary).MaximumLength(Limits.LongText).WithMessage($"The summary has at most {Limits.LongText} characters.");
        RuleFor(f => f.KeyFindings).MaximumLength(Limits.LongText).WithMessage($"The key findings have at most {Limits.LongText} characters.");
        RuleFor(f => f.DocumentUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(Limits.Url).WithMessage($"The address has at most {Limits.Url} characters.")
            .Must(u => string.IsNullOrWhiteSpace(u) || WebAddress.IsValid(u.Trim())).WithMessage("Enter a web address starting with http:// or https://.");
    }
}

/// <summary>One commitment's assessment; which fields apply depends on the report type.</summary>
public sealed class AssessmentForm : IOgpValuesInput
{
    [Display(Name = "Is the commitment verifiable?")]
    public bool? Verifiable { get; set; }

    [Display(Name = "Access to information")]
    public bool AccessToInformation { get; set; }

    [Display(Name = "Civic participation")]
    public bool CivicParticipation { get; set; }

    [Display(Name = "Public accountability")]
    public bool PublicAccountability { get; set; }

    [Display(Name = "Technology and innovation (only alongside one of the above)")]
    public bool TechnologyAndInnovation { get; set; }

    [Display(Name = "Potential for results")]
    public PotentialForResults? Potential { get; set; }

    [Display(Name = "Promising commitment")]
    public bool Promising { get; set; }

    [Display(Name = "Why it is promising")]
    public string? PromisingReason { get; set; }

    [Display(Name = "Cluster (optional)")]
    public string? Cluster { get; set; }

    [Display(Name = "Completion")]
    public Completion? Completion { get; set; }

    [Display(Name = "Early results: did it open government?")]
    public EarlyResults? EarlyResults { get; set; }

    [Display(Name = "Analysis")]
    public string? Narrative { get; set; }

    public Guid Version { get; set; }

    public OgpValues Relevance => this.Checked();

    /// <summary>The form field a problem of <see cref="AssessmentValues.Problems"/> belongs to: relevance is its first box.</summary>
    public static string FieldOf(string valuesProperty) =>
        valuesProperty == nameof(AssessmentValues.Relevance) ? nameof(AccessToInformation) : valuesProperty;

    public AssessmentValues ToValues() => new(Verifiable, Relevance, Potential, Promising, PromisingReason, Cluster, Completion, EarlyResults, Narrative);

    /// <summary>The form filled in with the report's assessment of the commitment, blank when it has none yet.</summary>
    public static AssessmentForm From(AssessmentRow a, Guid version) => a is not { Assessed: true }
        ? new AssessmentForm { Version = version }
        : new AssessmentForm
        {
            Verifiable = a.Verifiable,
            Potential = a.Potential,
            Promising = a.Promising,
            PromisingReason = a.PromisingReason,
            Cluster = a.Cluster,
            Completion = a.Completion,
            EarlyResults = a.EarlyResults,
            Narrative = a.Narrative,
            Version = version,
        }.Tick(a.Relevance);
}

/// <summary>The researcher's answer to a comment.</summary>
public sealed class AnswerForm
{
    [Display(Name = "Your answer")]
    public string? Answer { get; set; }
}

public sealed class AnswerFormValidator : AbstractValidator<AnswerForm>
{
    public AnswerFormValidator() =>
        RuleFor(f => f.Answer).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Write your answer.")
            .MaximumLength(Limits.Reason).WithMessage($"An answer has at most {Limits.Reason} characters.");
}
