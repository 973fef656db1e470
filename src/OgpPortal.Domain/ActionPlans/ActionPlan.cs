using OgpPortal.Domain.Access;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Domain.ActionPlans;

/// <summary>
/// A member's numbered action plan. Its status moves only through the methods below, which enforce
/// OGP's process: Draft → In consultation → Submitted → Published → Closed, and Submitted → Draft when
/// the Support Unit returns it.
/// </summary>
public partial class ActionPlan : AuditableEntity, IConcurrencyVersioned
{
    /// <summary>Every allowed status change and the role that may make it.</summary>
    public static readonly IReadOnlyDictionary<(ActionPlanStatus From, ActionPlanStatus To), PortalRole> Workflow =
        new Dictionary<(ActionPlanStatus, ActionPlanStatus), PortalRole>
        {
            [(ActionPlanStatus.Draft, ActionPlanStatus.InConsultation)] = PortalRole.PointOfContact,
            [(ActionPlanStatus.InConsultation, ActionPlanStatus.Draft)] = PortalRole.PointOfContact,
            [(ActionPlanStatus.Draft, ActionPlanStatus.Submitted)] = PortalRole.PointOfContact,
            [(ActionPlanStatus.InConsultation, ActionPlanStatus.Submitted)] = PortalRole.PointOfContact,
            [(ActionPlanStatus.Submitted, ActionPlanStatus.Draft)] = PortalRole.SupportUnit,
            [(ActionPlanStatus.Submitted, ActionPlanStatus.Published)] = PortalRole.SupportUnit,
            [(ActionPlanStatus.Published, ActionPlanStatus.Closed)] = PortalRole.SupportUnit,
        };

    private readonly List<Commitment> _commitments = [];

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    /// <summary>The plan's number for its member ("Action plan 5").</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public ActionPlanStatus Status { get; private set; } = ActionPlanStatus.Draft;

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Why the Support Unit last returned the plan to Draft, until it is submitted again.</summary>
    public string? ReturnReason { get; private set; }

    public string? CoCreationSummary { get; private set; }

    /// <summary>
    /// The language the plan's texts (its title, commitments and progress notes) are written in, as a
    /// language code (<c>nb</c>, <c>es</c>); null when not said. Pages in another language mark those texts
    /// with it, so screen readers and translation tools read them right.
    /// </summary>
    public string? TextLanguage { get; private set; }

    /// <summary>OGP's id for the plan in its data (<c>AP_ALB01</c>); set by an import of OGP's data.</summary>
    public string? OgpId { get; private set; }

    /// <summary>The year OGP's data says the plan was submitted; null for plans made in the portal.</summary>
    public int? SubmissionYear { get; private set; }

    /// <summary>The plan's duration in years as OGP's data gives it; null for plans made in the portal.</summary>
    public int? RecordedDurationYears { get; private set; }

    /// <summary>
    /// True for a plan taken from OGP's data, whose period is known only in years: the period then runs
    /// from 1 January of the submission year to 31 December of the end year.
    /// </summary>
    public bool PeriodFromYears => SubmissionYear is not null;

    public Guid Version { get; set; }

    public IReadOnlyCollection<Commitment> Commitments => _commitments;

    public ICollection<ResearcherAssignment> ResearcherAssignments { get; } = new List<ResearcherAssignment>();

    /// <summary>Commitment text may be written while the plan is being co-created.</summary>
    public bool IsTextEditable => Status is ActionPlanStatus.Draft or ActionPlanStatus.InConsultation;

    /// <summary>Published and closed plans are public; nothing else is.</summary>
    public bool IsPublic => Status is ActionPlanStatus.Published or ActionPlanStatus.Closed;

    public int DurationYears => PlanPeriod.Years(PeriodStart, PeriodEnd);

    /// <summary>True when a date (if there is one) falls within the plan period.</summary>
    public bool Covers(DateOnly? date) => date is not { } d || (d >= PeriodStart && d <= PeriodEnd);

    /// <summary>Starts a new plan in Draft after checking its number, title and period.</summary>
    public static ActionPlan CreateDraft(Member member, int number, string title, DateOnly periodStart, DateOnly periodEnd, string? coCreationSummary = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (number < 1)
        {
            throw new DomainRuleException("The action plan number must be 1 or more.");
        }

        var problem = PlanPeriod.Problem(periodStart, periodEnd);
        if (problem is not null)
        {
            throw new DomainRuleException(problem);
        }

        return new ActionPlan
        {
            Member = member,
            MemberId = member.Id,
            Number = number,
            Title = Guard.Required(title, "The plan title"),
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            CoCreationSummary = coCreationSummary,
        };
    }

    /// <summary>Says which language the plan's texts are written in (a code of two or three letters), or that it is not said.</summary>
    public void SetTextLanguage(string? language)
    {
        var code = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        if (code is not null && (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower)))
        {
            throw new DomainRuleException("Choose the plan's language from the list.");
        }

        TextLanguage = code;
    }

    /// <summary>
    /// Changes the plan's number, title, period and co-creation summary while it is being co-created.
    /// Commitments and milestones already in the plan must still fit the new period.
    /// </summary>
    public void ChangeDetails(int number, string title, DateOnly periodStart, DateOnly periodEnd, string? coCreationSummary)
    {
        if (!IsTextEditable)
        {
            throw new DomainRuleException($"A plan's details can be changed while it is in Draft or In consultation; this plan is {Status.Label()}.");
        }

        if (number < 1)
        {
            throw new DomainRuleException("The action plan number must be 1 or more.");
        }

        var problem = PlanPeriod.Problem(periodStart, periodEnd);
        if (problem is not null)
        {
            throw new DomainRuleException(problem);
        }

        var outside = _commitments
            .Where(c => c.StartDate < periodStart || c.EndDate > periodEnd || c.Milestones.Any(m => m.DueDate < periodStart || m.DueDate > periodEnd))
            .Select(c => c.Identifier)
            .ToList();
        if (outside.Count > 0)
        {
            throw new DomainRuleException($"The new period leaves dates of {string.Join(", ", outside)} outside the plan; change those first.");
        }

        Title = Guard.Required(title, "The plan title");
        Number = number;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        CoCreationSummary = coCreationSummary;
    }

    /// <summary>
    /// Adds a commitment in Draft. The identifier is the member's code and a running number
    /// (e.g. <c>NO0090</c>); the caller finds the next free number.
    /// </summary>
    public Commitment AddCommitment(string identifier, CommitmentText text)
    {
        if (!IsTextEditable)
        {
            throw new DomainRuleException($"Commitments can be added only while the plan is in Draft or In consultation; this plan is {Status.Label()}.");
        }

        if (!CommitmentIdentifier.BelongsTo(identifier, Member.Code))
        {
            throw new DomainRuleException($"The identifier {identifier} does not belong to {Member.Name} ({Member.Code}).");
        }

        if (_commitments.Any(c => c.Identifier == identifier))
        {
            throw new DomainRuleException($"The identifier {identifier} is already used in this plan.");
        }

        var commitment = new Commitment(this, identifier, _commitments.Count + 1);
        commitment.UpdateText(text);
        _commitments.Add(commitment);
        return commitment;
    }

    /// <summary>Removes a commitment while the plan is being co-created; the others close up the order.</summary>
    public void RemoveCommitment(Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (!IsTextEditable)
        {
            throw new DomainRuleException($"Commitments can be removed only while the plan is in Draft or In consultation; this plan is {Status.Label()}.");
        }

        _commitments.Remove(commitment);
        Renumber();
    }

    /// <summary>Moves a commitment one place up (-1) or down (+1) in the plan's order.</summary>
    public void MoveCommitment(Commitment commitment, int offset)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (!IsTextEditable)
        {
            throw new DomainRuleException($"Commitments can be reordered only while the plan is in Draft or In consultation; this plan is {Status.Label()}.");
        }

        var ordered = _commitments.OrderBy(c => c.Position).ToList();
        var from = ordered.IndexOf(commitment);
        var to = from + Math.Sign(offset);
        if (from < 0 || to < 0 || to >= ordered.Count)
        {
            return;
        }

        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    private void Renumber()
    {
        var position = 1;
        foreach (var c in _commitments.OrderBy(c => c.Position))
        {
            c.Position = position++;
        }
    }

    public void OpenConsultation(PortalRole actor) => MoveTo(ActionPlanStatus.InConsultation, actor, "open consultation on an action plan");

    public void CloseConsultation(PortalRole actor)
    {
        EnsureStatus(ActionPlanStatus.InConsultation, "close its consultation");
        MoveTo(ActionPlanStatus.Draft, actor, "close a consultation");
    }

    /// <summary>Throws what would stop <see cref="Submit"/> (asked before confirming a submission that closes a consultation).</summary>
    public void EnsureSubmittable(PortalRole actor)
    {
        CheckMove(ActionPlanStatus.Submitted, actor, "submit an action plan");
        if (_commitments.Count == 0)
        {
            throw new DomainRuleException("An action plan needs at least one commitment before it is submitted.");
        }

        var withoutMilestones = _commitments.Where(c => c.Milestones.Count == 0).Select(c => c.Identifier).ToList();
        if (withoutMilestones.Count > 0)
        {
            throw new DomainRuleException($"Every commitment needs at least one milestone; missing in {string.Join(", ", withoutMilestones)}.");
        }
    }

    /// <summary>Submits the plan and every commitment in it for the Support Unit's review.</summary>
    public void Submit(PortalRole actor, DateTime utcNow)
    {
        EnsureSubmittable(actor);

        foreach (var commitment in _commitments)
        {
            commitment.MarkSubmitted();
        }

        Status = ActionPlanStatus.Submitted;
        SubmittedAt = utcNow;
        ReturnReason = null;
    }

    /// <summary>The Support Unit sends the whole plan back to Draft, saying why.</summary>
    public void ReturnToDraft(PortalRole actor, string reason)
    {
        EnsureStatus(ActionPlanStatus.Submitted, "be returned");
        var why = Guard.Required(reason, "A reason for returning the plan");
        MoveTo(ActionPlanStatus.Draft, actor, "return an action plan");
        ReturnReason = why;
        foreach (var commitment in _commitments)
        {
            commitment.MarkDraft();
        }
    }

    /// <summary>
    /// The Support Unit accepts every commitment still waiting for its decision, in one step: exactly the ones the
    /// reviewer saw as remaining (<paramref name="seen"/>), so a commitment that came back for review after the page
    /// was loaded is not accepted unread. Returns the commitments accepted.
    /// </summary>
    public IReadOnlyList<Commitment> AcceptRemaining(PortalRole actor, IReadOnlyCollection<int> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        EnsureStatus(ActionPlanStatus.Submitted, "have its commitments accepted");
        var remaining = _commitments.Where(c => Commitment.AwaitsDecision(c.ReviewStatus)).ToList();
        if (remaining.Count == 0)
        {
            throw new DomainRuleException("No commitment of this plan is waiting for review.");
        }

        if (!remaining.Select(c => c.Id).ToHashSet().SetEquals(seen))
        {
            throw new DomainRuleException("The commitments waiting for review changed since the page was loaded; read them again before accepting.");
        }

        foreach (var commitment in remaining)
        {
            commitment.Accept(actor);
        }

        return remaining;
    }

    /// <summary>Publishes the plan once every commitment is accepted; it becomes public.</summary>
    public void Publish(PortalRole actor, DateTime utcNow)
    {
        CheckMove(ActionPlanStatus.Published, actor, "publish an action plan");
        var notAccepted = _commitments.Where(c => c.ReviewStatus != CommitmentReviewStatus.Accepted).Select(c => c.Identifier).ToList();
        if (_commitments.Count == 0 || notAccepted.Count > 0)
        {
            throw new DomainRuleException(notAccepted.Count > 0
                ? $"Every commitment must be accepted before the plan is published; not yet accepted: {string.Join(", ", notAccepted)}."
                : "An action plan without commitments cannot be published.");
        }

        Status = ActionPlanStatus.Published;
        PublishedAt = utcNow;
    }

    /// <summary>Closes a published plan at the end of its period.</summary>
    public void Close(PortalRole actor, DateTime utcNow)
    {
        CheckMove(ActionPlanStatus.Closed, actor, "close an action plan");
        if (DateOnly.FromDateTime(utcNow) < PeriodEnd)
        {
            throw new DomainRuleException($"The plan can be closed at the end of its period, on or after {PeriodEnd:yyyy-MM-dd}.");
        }

        Status = ActionPlanStatus.Closed;
        ClosedAt = utcNow;
    }

    /// <summary>
    /// A plan as OGP's data records it: submitted in one year, ending in another, of a given duration. Its
    /// period runs from 1 January of the submission year to 31 December of the end year (OGP's data gives
    /// no days), and it is Published, or Closed once that period is over.
    /// </summary>
    public static ActionPlan FromRecord(Member member, string ogpId, int number, int submissionYear, int endYear, int durationYears, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        var plan = new ActionPlan { Member = member, MemberId = member.Id };
        plan.RestoreRecord(ogpId, number, submissionYear, endYear, durationYears, today);
        return plan;
    }

    /// <summary>The problem with a plan as OGP's data records it, or null when it can be taken in.</summary>
    public static string? RecordProblem(int number, int submissionYear, int endYear, int durationYears)
    {
        if (number < 1)
        {
            return "The action plan number must be 1 or more.";
        }

        if (submissionYear < PlanPeriod.FirstYear || endYear > PlanPeriod.LastYear || endYear < submissionYear)
        {
            return $"The plan's years must run forwards between {PlanPeriod.FirstYear} and {PlanPeriod.LastYear}.";
        }

        return durationYears is < 1 or > 10 ? "The plan's duration must be between 1 and 10 years." : null;
    }

    /// <summary>Updates a plan from a later version of OGP's data (see <see cref="FromRecord"/>).</summary>
    public void RestoreRecord(string ogpId, int number, int submissionYear, int endYear, int durationYears, DateOnly today)
    {
        var problem = RecordProblem(number, submissionYear, endYear, durationYears);
        if (problem is not null)
        {
            throw new DomainRuleException(problem);
        }

        OgpId = Guard.Required(ogpId, "OGP's action plan id");
        Number = number;
        SubmissionYear = submissionYear;
        RecordedDurationYears = durationYears;
        PeriodStart = new DateOnly(submissionYear, 1, 1);
        PeriodEnd = new DateOnly(endYear, 12, 31);
        var title = $"{Member.Name} Action Plan {submissionYear}–{endYear}";
        Title = title.Length <= Limits.PlanTitle ? title : title[..Limits.PlanTitle];
        var status = RecordedStatus(endYear, today);
        if (Status != status)
        {
            RestoreHistory(status, SubmittedAt, PublishedAt, ClosedAt);
        }
    }

    /// <summary>A plan from OGP's data is Published until the end of its end year, then Closed.</summary>
    public static ActionPlanStatus RecordedStatus(int endYear, DateOnly today) =>
        new DateOnly(endYear, 12, 31) >= today ? ActionPlanStatus.Published : ActionPlanStatus.Closed;

    /// <summary>
    /// Adds a commitment as OGP's data records it, to a plan taken from that data: its text is history, so
    /// the co-creation rules (editable plan, dates within the period) do not apply.
    /// </summary>
    public Commitment AddRecordedCommitment(string identifier, RecordedCommitment record)
    {
        if (!PeriodFromYears)
        {
            throw new DomainRuleException($"{identifier} comes from OGP's data, but this plan was made in the portal.");
        }

        if (!CommitmentIdentifier.IsValid(identifier))
        {
            throw new DomainRuleException($"{identifier} is not an OGP commitment identifier.");
        }

        var commitment = new Commitment(this, identifier, _commitments.Count + 1);
        commitment.RestoreRecord(record);
        commitment.RestoreReviewStatus(CommitmentReviewStatus.Accepted);
        _commitments.Add(commitment);
        return commitment;
    }

    /// <summary>
    /// Sets the status and dates of a plan taken from OGP's history (an import or the demo data), where
    /// the process happened outside the portal.
    /// </summary>
    internal void RestoreHistory(ActionPlanStatus status, DateTime? submittedAt, DateTime? publishedAt, DateTime? closedAt)
    {
        Status = status;
        SubmittedAt = submittedAt;
        PublishedAt = publishedAt;
        ClosedAt = closedAt;
    }

    private void EnsureStatus(ActionPlanStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleException($"Only a plan that is {expected.Label()} can {action}; this plan is {Status.Label()}.");
        }
    }

    private void CheckMove(ActionPlanStatus to, PortalRole actor, string action)
    {
        if (!Workflow.TryGetValue((Status, to), out var role))
        {
            throw new DomainRuleException($"An action plan that is {Status.Label()} cannot become {to.Label()}.");
        }

        Guard.Role(actor, role, action);
    }

    private void MoveTo(ActionPlanStatus to, PortalRole actor, string action)
    {
        CheckMove(to, actor, action);
        Status = to;
    }
}
