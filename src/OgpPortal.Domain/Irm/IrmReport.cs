using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Irm;

/// <summary>
/// An IRM report on one action plan: Action Plan Review, Midterm Review (four-year plans) or Results
/// Report. Draft → Pre-publication (the member's points of contact and the Support Unit comment) →
/// Published (public, read-only; the Support Unit corrects it as a new revision).
/// </summary>
public class IrmReport : AuditableEntity, IConcurrencyVersioned
{
    private readonly List<CommitmentAssessment> _assessments = [];
    private readonly List<ReportComment> _comments = [];

    private IrmReport()
    {
    }

    public int ActionPlanId { get; private set; }

    public ActionPlan ActionPlan { get; private set; } = null!;

    public ReportType Type { get; private set; }

    public ReportStatus Status { get; private set; } = ReportStatus.Draft;

    public string? Summary { get; private set; }

    public string? KeyFindings { get; private set; }

    public string? DocumentUrl { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>1 when first published; each correction by the Support Unit adds one.</summary>
    public int Revision { get; private set; }

    public string? CorrectionNote { get; private set; }

    /// <summary>
    /// Why the report leaves some of the plan's commitments unassessed (for example, commitments the government
    /// withdrew), recorded when it is opened for comment or published without them; null when every commitment is assessed.
    /// </summary>
    public string? LeftOutReason { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyCollection<CommitmentAssessment> Assessments => _assessments;

    public IReadOnlyCollection<ReportComment> Comments => _comments;

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.PrePublication;

    /// <summary>The plan's commitments this report has not assessed, in the plan's order (needs the plan's commitments loaded).</summary>
    public IReadOnlyList<Commitment> Unassessed() =>
        ActionPlan.Commitments.Where(c => !_assessments.Any(a => ReferenceEquals(a.Commitment, c) || (c.Id != 0 && a.CommitmentId == c.Id)))
            .OrderBy(c => c.Position).ToList();

    /// <summary>Starts a report in Draft after checking it fits the plan.</summary>
    public static IrmReport Start(ActionPlan plan, ReportType type)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!Enum.IsDefined(type))
        {
            throw new DomainRuleException("Choose Action Plan Review, Midterm Review or Results Report.");
        }

        if (type == ReportType.MidtermReview && plan.DurationYears < 4)
        {
            throw new DomainRuleException("A Midterm Review is written for four-year plans only; this plan runs for two years.");
        }

        if (type is ReportType.ResultsReport or ReportType.MidtermReview && !plan.IsPublic)
        {
            throw new DomainRuleException($"A {EnumDisplay.Name(type)} assesses implementation, so its plan must be published or closed; this plan is {plan.Status.Label()}.");
        }

        if (type == ReportType.ActionPlanReview && plan.Status is ActionPlanStatus.Draft or ActionPlanStatus.InConsultation)
        {
            throw new DomainRuleException("An Action Plan Review assesses a submitted plan; this plan is still being co-created.");
        }

        return new IrmReport { ActionPlan = plan, ActionPlanId = plan.Id, Type = type };
    }

    private void EnsureComplete(string step, string? leftOutReason)
    {
        var unassessed = Unassessed();
        if (unassessed.Count == 0)
        {
            LeftOutReason = null;
            return;
        }

        if (string.IsNullOrWhiteSpace(leftOutReason))
        {
            throw new DomainRuleException(
                $"Assess every commitment before {step}, or say why the report leaves some out. Not assessed: {string.Join(", ", unassessed.Select(c => c.Identifier))}.");
        }

        if (leftOutReason.Length > Limits.Reason)
        {
            throw new DomainRuleException($"The reason for leaving commitments out has at most {Limits.Reason} characters.");
        }

        LeftOutReason = leftOutReason.Trim();
    }

    public void UpdateText(string? summary, string? keyFindings, string? documentUrl)
    {
        EnsureEditable("be edited");
        SetText(summary, keyFindings, documentUrl);
    }

    /// <summary>Records the researcher's assessment of one commitment of the plan, replacing an earlier one.</summary>
    public CommitmentAssessment Assess(Commitment commitment, AssessmentValues values)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(values);
        EnsureEditable("be assessed");
        if (commitment.ActionPlanId != ActionPlanId)
        {
            throw new DomainRuleException($"{commitment.Identifier} is not a commitment of this plan.");
        }

        var problem = values.Problem(Type);
        if (problem is not null)
        {
            throw new DomainRuleException(problem);
        }

        var assessment = _assessments.FirstOrDefault(a => a.CommitmentId == commitment.Id);
        if (assessment is null)
        {
            assessment = new CommitmentAssessment(commitment);
            _assessments.Add(assessment);
        }

        assessment.Apply(values.Normalised(Type));
        return assessment;
    }

    /// <summary>
    /// Opens the report for comment by the member's points of contact and the Support Unit. Every commitment of the
    /// plan is assessed first, or <paramref name="leftOutReason"/> says why the ones left out are not.
    /// </summary>
    public void OpenForComment(PortalRole actor, string? leftOutReason = null)
    {
        Guard.Role(actor, PortalRole.IrmResearcher, "open a report for comment");
        EnsureStatus(ReportStatus.Draft, "be opened for comment");
        if (_assessments.Count == 0)
        {
            throw new DomainRuleException("Assess at least one commitment before opening the report for comment.");
        }

        EnsureComplete("opening the report for comment", leftOutReason);
        Status = ReportStatus.PrePublication;
    }

    public void ReturnToDraft(PortalRole actor)
    {
        Guard.Role(actor, PortalRole.IrmResearcher, "take a report back to Draft");
        EnsureStatus(ReportStatus.PrePublication, "go back to Draft");
        Status = ReportStatus.Draft;
    }

    /// <summary>
    /// Publishes the report: its summary is written, every comment answered, and every commitment assessed, or the
    /// reason recorded (now, or when it was opened for comment) says why the ones left out are not.
    /// </summary>
    public void Publish(PortalRole actor, DateOnly publishedOn, string? leftOutReason = null)
    {
        Guard.Role(actor, PortalRole.IrmResearcher, "publish a report");
        EnsureStatus(ReportStatus.PrePublication, "be published");
        EnsureComplete("publishing", leftOutReason ?? LeftOutReason);
        if (string.IsNullOrWhiteSpace(Summary))
        {
            throw new DomainRuleException("Write the report's summary before publishing it.");
        }

        var unanswered = _comments.Count(c => c.Answer is null);
        if (unanswered > 0)
        {
            throw new DomainRuleException(unanswered == 1 ? "Answer the open comment before publishing." : $"Answer the {unanswered} open comments before publishing.");
        }

        Status = ReportStatus.Published;
        PublishedOn = publishedOn;
        Revision = 1;
    }

    /// <summary>The Support Unit corrects a published report: a new revision, with the reason kept.</summary>
    public void Correct(PortalRole actor, string? summary, string? keyFindings, string? documentUrl, string note)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "correct a published report");
        EnsureStatus(ReportStatus.Published, "be corrected");
        CorrectionNote = Guard.Required(note, "The reason for the correction");
        SetText(summary, keyFindings, documentUrl);
        Revision++;
    }

    public ReportComment Comment(PortalRole actor, string author, string text, DateTime at)
    {
        if (actor is not (PortalRole.PointOfContact or PortalRole.SupportUnit))
        {
            throw new DomainRuleException("Comments come from the member's points of contact and the Support Unit.");
        }

        EnsureStatus(ReportStatus.PrePublication, "take comments");
        var comment = new ReportComment(actor, Guard.Required(author, "The author"), Guard.Required(text, "The comment"), at);
        _comments.Add(comment);
        return comment;
    }

    public void Answer(PortalRole actor, int commentId, string answer, DateTime at)
    {
        Guard.Role(actor, PortalRole.IrmResearcher, "answer comments");
        EnsureStatus(ReportStatus.PrePublication, "take answers");
        var comment = _comments.FirstOrDefault(c => c.Id == commentId) ?? throw new DomainRuleException("That comment is not on this report.");
        comment.SetAnswer(Guard.Required(answer, "The answer"), at);
    }

    private void SetText(string? summary, string? keyFindings, string? documentUrl)
    {
        var link = string.IsNullOrWhiteSpace(documentUrl) ? null : documentUrl.Trim();
        if (link is not null && (link.Length > Limits.Url || !WebAddress.IsValid(link)))
        {
            throw new DomainRuleException("The document link must be a web address starting with http:// or https://.");
        }

        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        KeyFindings = string.IsNullOrWhiteSpace(keyFindings) ? null : keyFindings.Trim();
        DocumentUrl = link;
    }

    private void EnsureEditable(string action)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException($"A published report is read-only and cannot {action}; the Support Unit corrects it as a new revision.");
        }
    }

    private void EnsureStatus(ReportStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleException($"Only a report in {EnumDisplay.Name(expected)} can {action}; this report is {EnumDisplay.Name(Status)}.");
        }
    }
}

/// <summary>A comment on a report in pre-publication, and the researcher's answer.</summary>
public class ReportComment
{
    public ReportComment(PortalRole authorRole, string author, string text, DateTime at)
    {
        AuthorRole = authorRole;
        Author = author;
        Text = text;
        At = at;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public PortalRole AuthorRole { get; private set; }

    /// <summary>The commenter's name as shown to the researcher.</summary>
    public string Author { get; private set; }

    public string Text { get; private set; }

    public DateTime At { get; private set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    internal void SetAnswer(string answer, DateTime at)
    {
        Answer = answer;
        AnsweredAt = at;
    }
}
