using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Commitments;

/// <summary>
/// A concrete reform in an action plan, written on OGP's commitment template. Its text can change while
/// the plan is being co-created, or when the Support Unit returns it; once the plan is published only
/// implementation data (milestone progress) changes.
/// </summary>
public class Commitment : AuditableEntity, IConcurrencyVersioned
{
    private readonly List<Milestone> _milestones = [];
    private readonly List<ProgressNote> _progressNotes = [];

    internal Commitment(ActionPlan plan, string identifier, int position)
    {
        ActionPlan = plan;
        Identifier = identifier;
        Position = position;
    }

    private Commitment()
    {
    }

    public int ActionPlanId { get; private set; }

    public ActionPlan ActionPlan { get; private set; } = null!;

    /// <summary>OGP's identifier, e.g. <c>NO0090</c>; unique across the portal.</summary>
    public string Identifier { get; private set; } = string.Empty;

    /// <summary>Order within the plan, from 1.</summary>
    public int Position { get; internal set; }

    public string Title { get; private set; } = string.Empty;

    public string? ShortTitle { get; private set; }

    /// <summary>The plan's theme the commitment sits under, in the member's own words.</summary>
    public string? Theme { get; private set; }

    /// <summary>The problem the commitment addresses.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the commitment is.</summary>
    public string? Description { get; private set; }

    /// <summary>How the commitment will contribute to solving the problem.</summary>
    public string? Solution { get; private set; }

    public string LeadInstitution { get; private set; } = string.Empty;

    /// <summary>Supporting institutions, government and civil society or other.</summary>
    public string? SupportingInstitutions { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    /// <summary>The start as OGP's data gives it when it names no single day ("July 2014", "2012").</summary>
    public string? StartDateAsWritten { get; private set; }

    /// <summary>The end as OGP's data gives it when it names no single day ("Permanent activity").</summary>
    public string? EndDateAsWritten { get; private set; }

    /// <summary>The commitment's number as its plan writes it ("3.2.5"), from OGP's data.</summary>
    public string? NumberInPlan { get; private set; }

    public OgpValues Values { get; private set; }

    public ChallengeArea? ChallengeArea { get; private set; }

    public ICollection<PolicyArea> PolicyAreas { get; } = new List<PolicyArea>();

    public CommitmentReviewStatus ReviewStatus { get; private set; } = CommitmentReviewStatus.Draft;

    /// <summary>A commitment in this review state waits for the Support Unit to accept or return it.</summary>
    public static bool AwaitsDecision(CommitmentReviewStatus status) => status == CommitmentReviewStatus.Submitted;

    /// <summary>The Support Unit's reason, while the commitment is returned.</summary>
    public string? ReturnReason { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyCollection<Milestone> Milestones => _milestones;

    public IReadOnlyCollection<ProgressNote> ProgressNotes => _progressNotes;

    /// <summary>The weighted share of complete milestones, in whole percent.</summary>
    public int ProgressPercent => Progress.OfCommitment(_milestones);

    /// <summary>
    /// The text may change while the plan is in co-creation, or while this commitment is returned for
    /// revision during review; never once the plan is published.
    /// </summary>
    public bool IsTextEditable =>
        ActionPlan.IsTextEditable
        || (ActionPlan.Status == ActionPlanStatus.Submitted && ReviewStatus == CommitmentReviewStatus.Returned);

    public void UpdateText(CommitmentText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnsureTextEditable();
        var title = Guard.Required(text.Title, "The commitment title");
        var lead = Guard.Required(text.LeadInstitution, "The lead institution");
        if (text.StartDate is { } start && text.EndDate is { } end && end < start)
        {
            throw new DomainRuleException("The commitment must end on or after its start date.");
        }

        if (!ActionPlan.Covers(text.StartDate) || !ActionPlan.Covers(text.EndDate))
        {
            throw new DomainRuleException($"The commitment's dates must fall within the plan period ({ActionPlan.PeriodStart:yyyy-MM-dd} to {ActionPlan.PeriodEnd:yyyy-MM-dd}).");
        }

        var valuesProblem = OgpValuesRules.Problem(text.Values);
        if (valuesProblem is not null)
        {
            throw new DomainRuleException(valuesProblem);
        }

        Title = title;
        ShortTitle = text.ShortTitle?.Trim();
        Theme = text.Theme?.Trim();
        Problem = text.Problem;
        Description = text.Description;
        Solution = text.Solution;
        LeadInstitution = lead;
        SupportingInstitutions = text.SupportingInstitutions;
        StartDate = text.StartDate;
        EndDate = text.EndDate;
        Values = text.Values;
        ChallengeArea = text.ChallengeArea;
    }

    public Milestone AddMilestone(string title, DateOnly dueDate, int weight = 1)
    {
        EnsureTextEditable();
        CheckMilestone(dueDate, weight);

        var milestone = new Milestone
        {
            Commitment = this,
            Title = Guard.Required(title, "The milestone title"),
            DueDate = dueDate,
            Weight = weight,
        };
        _milestones.Add(milestone);
        return milestone;
    }

    public void RemoveMilestone(Milestone milestone)
    {
        EnsureTextEditable();
        _milestones.Remove(milestone);
    }

    /// <summary>Rewrites a milestone's title, due date and weight, with the same checks as adding one.</summary>
    public void ChangeMilestone(Milestone milestone, string title, DateOnly dueDate, int weight)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        EnsureTextEditable();
        if (!_milestones.Contains(milestone))
        {
            throw new DomainRuleException("That milestone is not part of this commitment.");
        }

        CheckMilestone(dueDate, weight);
        milestone.Title = Guard.Required(title, "The milestone title");
        milestone.DueDate = dueDate;
        milestone.Weight = weight;
    }

    /// <summary>Sets the commitment's policy areas (OGP's taxonomy) while its text can change.</summary>
    public void SetPolicyAreas(IEnumerable<PolicyArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        EnsureTextEditable();
        var wanted = areas.DistinctBy(a => a.Id).ToList();
        foreach (var area in PolicyAreas.Where(a => wanted.All(w => w.Id != a.Id)).ToList())
        {
            PolicyAreas.Remove(area);
        }

        foreach (var area in wanted.Where(w => PolicyAreas.All(a => a.Id != w.Id)))
        {
            PolicyAreas.Add(area);
        }
    }

    /// <summary>Records implementation progress on a milestone; only once the plan is published.</summary>
    public void RecordMilestoneProgress(Milestone milestone, MilestoneStatus status, string? evidenceUrl, PortalRole actor)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        EnsureReportingOn(milestone, actor, "report progress on a milestone");
        var evidence = string.IsNullOrWhiteSpace(evidenceUrl) ? null : evidenceUrl.Trim();
        if (evidence is not null && !WebAddress.IsValid(evidence))
        {
            throw new DomainRuleException("The evidence link must be a web address starting with http:// or https://.");
        }

        milestone.Status = status;
        milestone.EvidenceUrl = evidence;
    }

    /// <summary>
    /// Attaches a file as evidence that a milestone is done; only once published. The file is kept only when
    /// its name and content are one of <see cref="EvidenceFileTypes.All"/>, it is at most
    /// <see cref="EvidenceFile.MaxBytes"/>, and the milestone has room (<see cref="EvidenceFile.MaxPerMilestone"/>).
    /// </summary>
    public EvidenceFile AddEvidenceFile(Milestone milestone, string fileName, byte[] content, PortalRole actor)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureReportingOn(milestone, actor, "attach evidence to a milestone");
        if (content.Length == 0)
        {
            throw new DomainRuleException("The file is empty.");
        }

        if (content.LongLength > EvidenceFile.MaxBytes)
        {
            throw new DomainRuleException(EvidenceFile.TooLarge);
        }

        var type = EvidenceFileTypes.Recognise(fileName, content) ?? throw new DomainRuleException(EvidenceFile.NotAccepted);
        if (milestone.EvidenceFileList.Count >= EvidenceFile.MaxPerMilestone)
        {
            throw new DomainRuleException(EvidenceFile.TooMany);
        }

        var file = new EvidenceFile
        {
            Milestone = milestone,
            FileName = EvidenceFileTypes.CleanFileName(fileName, type),
            ContentType = type.ContentType,
            Length = content.LongLength,
            Content = new EvidenceFileContent { Bytes = content },
        };
        milestone.EvidenceFileList.Add(file);
        return file;
    }

    /// <summary>Removes a file attached as evidence to a milestone; only while the plan is published.</summary>
    public void RemoveEvidenceFile(Milestone milestone, int evidenceFileId, PortalRole actor)
    {
        EnsureReportingOn(milestone, actor, "remove evidence from a milestone");
        var file = milestone.EvidenceFileList.SingleOrDefault(f => f.Id == evidenceFileId)
            ?? throw new DomainRuleException("That file is not part of this milestone's evidence.");
        milestone.EvidenceFileList.Remove(file);
    }

    /// <summary>Adds a dated progress note with the point of contact's own completion level; only once published.</summary>
    public ProgressNote AddProgressNote(DateOnly date, string text, CompletionLevel completion, PortalRole actor)
    {
        EnsureReporting(actor, "report progress on a commitment");

        var note = new ProgressNote { Commitment = this, Date = date, Text = Guard.Required(text, "The progress note"), Completion = completion };
        _progressNotes.Add(note);
        return note;
    }

    /// <summary>Progress is reported by a point of contact, on a published plan being implemented.</summary>
    private void EnsureReporting(PortalRole actor, string action)
    {
        Guard.Role(actor, PortalRole.PointOfContact, action);
        if (ActionPlan.Status != ActionPlanStatus.Published)
        {
            throw new DomainRuleException("Progress is reported on published plans that are being implemented.");
        }
    }

    private void EnsureReportingOn(Milestone milestone, PortalRole actor, string action)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        EnsureReporting(actor, action);
        if (!_milestones.Contains(milestone))
        {
            throw new DomainRuleException("That milestone is not part of this commitment.");
        }
    }

    /// <summary>A point of contact resubmits a returned commitment after revising it.</summary>
    public void Resubmit(PortalRole actor)
    {
        Guard.Role(actor, PortalRole.PointOfContact, "resubmit a commitment");
        if (ReviewStatus != CommitmentReviewStatus.Returned || ActionPlan.Status != ActionPlanStatus.Submitted)
        {
            throw new DomainRuleException("Only a commitment returned during review can be resubmitted.");
        }

        EnsureHasMilestone();
        ReviewStatus = CommitmentReviewStatus.Submitted;
        ReturnReason = null;
    }

    /// <summary>The Support Unit accepts the commitment as submitted.</summary>
    public void Accept(PortalRole actor)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "accept a commitment");
        EnsureUnderReview("accepted");
        ReviewStatus = CommitmentReviewStatus.Accepted;
        ReturnReason = null;
    }

    /// <summary>The Support Unit returns the commitment for revision; the reason is required.</summary>
    public void Return(PortalRole actor, string reason)
    {
        Guard.Role(actor, PortalRole.SupportUnit, "return a commitment");
        EnsureUnderReview("returned");
        ReturnReason = Guard.Required(reason, "A reason for returning the commitment");
        ReviewStatus = CommitmentReviewStatus.Returned;
    }

    /// <summary>
    /// Sets the words of a commitment taken from OGP's data. Its text is history: the co-creation rules
    /// (an editable plan, dates within the period) do not apply, and an institution OGP's data lacks stays
    /// empty.
    /// </summary>
    public void RestoreRecord(RecordedCommitment record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ActionPlan.PeriodFromYears)
        {
            throw new DomainRuleException($"{Identifier} was made in the portal; OGP's data does not overwrite it.");
        }

        Title = Guard.Required(record.Title, "The commitment title");
        ShortTitle = record.ShortTitle;
        Theme = record.Theme;
        Description = record.FullText;
        LeadInstitution = record.LeadInstitution ?? string.Empty;
        SupportingInstitutions = record.SupportingInstitutions;
        StartDate = record.StartDate;
        StartDateAsWritten = record.StartDate is null ? record.StartDateAsWritten : null;
        EndDate = record.EndDate;
        EndDateAsWritten = record.EndDate is null ? record.EndDateAsWritten : null;
        NumberInPlan = record.NumberInPlan;
        Values = record.Values;
    }

    /// <summary>Sets the policy areas of a commitment taken from OGP's data (see <see cref="RestoreRecord"/>).</summary>
    public void RestorePolicyAreas(IReadOnlyCollection<PolicyArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        foreach (var area in PolicyAreas.Where(a => areas.All(w => w.Id != a.Id)).ToList())
        {
            PolicyAreas.Remove(area);
        }

        foreach (var area in areas.Where(w => PolicyAreas.All(a => a.Id != w.Id)))
        {
            PolicyAreas.Add(area);
        }
    }

    /// <summary>
    /// Sets the review status of a commitment taken from OGP's history (an import or the demo data).
    /// </summary>
    internal void RestoreReviewStatus(CommitmentReviewStatus status) => ReviewStatus = status;

    internal void MarkSubmitted()
    {
        ReviewStatus = CommitmentReviewStatus.Submitted;
        ReturnReason = null;
    }

    internal void MarkDraft() => ReviewStatus = CommitmentReviewStatus.Draft;

    private void CheckMilestone(DateOnly dueDate, int weight)
    {
        if (weight < 1)
        {
            throw new DomainRuleException("A milestone's weight is 1 or more.");
        }

        if (!ActionPlan.Covers(dueDate))
        {
            throw new DomainRuleException($"A milestone's due date must fall within the plan period ({ActionPlan.PeriodStart:yyyy-MM-dd} to {ActionPlan.PeriodEnd:yyyy-MM-dd}).");
        }
    }

    private void EnsureUnderReview(string outcome)
    {
        if (ActionPlan.Status != ActionPlanStatus.Submitted || ReviewStatus != CommitmentReviewStatus.Submitted)
        {
            throw new DomainRuleException($"Only a submitted commitment in a submitted plan can be {outcome}; {Identifier} is {ReviewStatus}.");
        }
    }

    private void EnsureHasMilestone()
    {
        if (_milestones.Count == 0)
        {
            throw new DomainRuleException($"Commitment {Identifier} needs at least one milestone.");
        }
    }

    private void EnsureTextEditable()
    {
        if (!IsTextEditable)
        {
            throw new DomainRuleException(ActionPlan.IsPublic
                ? "The commitment's text is frozen once the plan is published; only implementation progress can change."
                : "The commitment's text can be changed while the plan is in Draft or In consultation, or when the Support Unit returns it.");
        }
    }
}
