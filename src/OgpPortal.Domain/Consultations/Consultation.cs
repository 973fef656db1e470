using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Consultations;

/// <summary>
/// The public consultation on a draft action plan: what is put to the public (themes and draft commitments)
/// and until when comments are taken. A plan has at most one; opening it again after it was closed keeps
/// the input already received. Once opened, the consultation and its published input stay public: they are
/// the plan's repository of public input and the government's reasoned response to it.
/// </summary>
public class Consultation : AuditableEntity, IConcurrencyVersioned
{
    /// <summary>The longest a consultation may run from the day it opens.</summary>
    public const int MaxDays = 180;

    private readonly List<Commitment> _commitments = [];
    private readonly List<ConsultationComment> _comments = [];
    private readonly List<ConsultedCommitment> _consulted = [];

    private Consultation()
    {
    }

    public int ActionPlanId { get; private set; }

    public ActionPlan ActionPlan { get; private set; } = null!;

    /// <summary>The last day comments are taken (inclusive, UTC), as planned.</summary>
    public DateOnly ClosesOn { get; private set; }

    /// <summary>
    /// The day comments stopped before <see cref="ClosesOn"/>, because the plan left consultation (it was submitted,
    /// or taken back to draft) then; null while the consultation runs, or when it ran to its closing day.
    /// </summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>The last day comments were (or are) taken: the day it ended early, or its closing day.</summary>
    public DateOnly LastDay => EndedOn ?? ClosesOn;

    /// <summary>The themes or questions put to the public, as the point of contact wrote them.</summary>
    public string Themes { get; private set; } = string.Empty;

    public DateTime OpenedAt { get; private set; }

    public Guid Version { get; set; }

    /// <summary>The draft commitments put to consultation; comments may be made on each of them or on the plan.</summary>
    public IReadOnlyCollection<Commitment> Commitments => _commitments;

    public IReadOnlyCollection<ConsultationComment> Comments => _comments;

    /// <summary>
    /// The record of what was put to consultation: each draft commitment's words and milestones as they were when
    /// the consultation opened, or last changed while it was open. The public reads this, not the drafts.
    /// </summary>
    public IReadOnlyCollection<ConsultedCommitment> Consulted => _consulted;

    /// <summary>Comments are taken while the plan is in consultation, up to and including the closing day.</summary>
    public bool IsOpenOn(DateOnly today) => IsOpen(ActionPlan.Status, ClosesOn, today);

    /// <summary>The rule of <see cref="IsOpenOn"/> for a consultation read as values (a projection).</summary>
    public static bool IsOpen(ActionPlanStatus planStatus, DateOnly closesOn, DateOnly today) =>
        planStatus == ActionPlanStatus.InConsultation && today <= closesOn;

    /// <summary>
    /// The plan leaves consultation on <paramref name="today"/> (it is being submitted, or taken back to draft; call
    /// before moving it): before the closing day, the consultation ended that day, and the public reads so instead
    /// of a date still to come.
    /// </summary>
    public void PlanLeftConsultation(DateOnly today)
    {
        // Called before the plan moves on: a plan no longer in consultation (a draft after an earlier close) has
        // nothing to end.
        if (ActionPlan.Status == ActionPlanStatus.InConsultation && today < ClosesOn && EndedOn is null)
        {
            EndedOn = today;
        }
    }

    /// <summary>Opens a plan for public consultation (the plan moves to In consultation).</summary>
    public static Consultation Open(ActionPlan plan, PortalRole actor, DateOnly closesOn, string themes, IEnumerable<Commitment> commitments, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var consultation = new Consultation { ActionPlan = plan, ActionPlanId = plan.Id };
        consultation.Reopen(actor, closesOn, themes, commitments, utcNow);
        return consultation;
    }

    /// <summary>Opens the consultation again (after it was closed), with a new closing date and scope.</summary>
    public void Reopen(PortalRole actor, DateOnly closesOn, string themes, IEnumerable<Commitment> commitments, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var chosen = commitments.ToList();
        CheckScope(closesOn, themes, chosen, DateOnly.FromDateTime(utcNow));
        ActionPlan.OpenConsultation(actor);
        SetScope(closesOn, themes, chosen);
        OpenedAt = utcNow;
    }

    /// <summary>Changes the closing date and what is put to consultation while it runs.</summary>
    public void ChangeScope(DateOnly closesOn, string themes, IEnumerable<Commitment> commitments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        if (ActionPlan.Status != ActionPlanStatus.InConsultation)
        {
            throw new DomainRuleException("The consultation can be changed while the plan is In consultation.");
        }

        var chosen = commitments.ToList();
        CheckScope(closesOn, themes, chosen, today);
        SetScope(closesOn, themes, chosen);
    }

    /// <summary>
    /// A draft commitment's words or milestones were changed on <paramref name="today"/>: while the consultation is
    /// open the public reads the new version; once it has closed, the record of what was consulted on stays.
    /// </summary>
    public void CommitmentChanged(Commitment commitment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (IsOpenOn(today))
        {
            _consulted.SingleOrDefault(r => r.IsOf(commitment))?.Take(commitment);
        }
    }

    /// <summary>
    /// A draft commitment is being removed from the plan on <paramref name="today"/>: while the consultation is open it
    /// is no longer put to it; once it has closed, the record of what was consulted on stays.
    /// </summary>
    public void CommitmentRemoved(Commitment commitment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (IsOpenOn(today))
        {
            _consulted.RemoveAll(r => r.IsOf(commitment));
        }
    }

    /// <summary>
    /// Takes a comment from the public on the plan (no commitment) or on one of the draft commitments put to
    /// consultation. It is held for moderation.
    /// </summary>
    public ConsultationComment Receive(CommentSubmission submission, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!IsOpenOn(DateOnly.FromDateTime(utcNow)))
        {
            throw new DomainRuleException($"This consultation closed on {LastDay:d MMMM yyyy}; comments are no longer taken.");
        }

        if (submission.CommitmentId is { } id && _commitments.All(c => c.Id != id))
        {
            throw new DomainRuleException("Comments can be made on the plan or on a draft commitment put to consultation.");
        }

        var comment = new ConsultationComment(this, submission, utcNow);
        _comments.Add(comment);
        return comment;
    }

    private void CheckScope(DateOnly closesOn, string themes, List<Commitment> chosen, DateOnly today)
    {
        if (closesOn < today)
        {
            throw new DomainRuleException("The closing date cannot be in the past.");
        }

        if (closesOn > today.AddDays(MaxDays))
        {
            throw new DomainRuleException($"A consultation runs at most {MaxDays} days; choose an earlier closing date.");
        }

        Guard.Required(themes, "What is put to consultation");
        if (chosen.Any(c => c.ActionPlanId != ActionPlan.Id && c.ActionPlan != ActionPlan))
        {
            throw new DomainRuleException("Only this plan's draft commitments can be put to its consultation.");
        }

        // The public's comments name the draft they were made on: it stays in the record of the consultation.
        if (_comments.Any(c => c.CommitmentId is { } id && chosen.All(x => x.Id != id)))
        {
            throw new DomainRuleException("A draft commitment that has received comments stays in the consultation.");
        }
    }

    private void SetScope(DateOnly closesOn, string themes, List<Commitment> chosen)
    {
        ClosesOn = closesOn;
        EndedOn = null;
        Themes = themes.Trim();
        _commitments.RemoveAll(c => !chosen.Contains(c));
        _commitments.AddRange(chosen.Where(c => !_commitments.Contains(c)));
        _consulted.RemoveAll(r => !chosen.Any(r.IsOf));
        foreach (var commitment in chosen)
        {
            if (_consulted.SingleOrDefault(r => r.IsOf(commitment)) is { } record)
            {
                record.Take(commitment);
            }
            else
            {
                _consulted.Add(ConsultedCommitment.Of(commitment));
            }
        }
    }
}

/// <summary>What a member of the public sends. Name and organisation are shown only with the author's consent; the e-mail never.</summary>
public sealed record CommentSubmission(string Text, int? CommitmentId, string? AuthorName, string? Organisation, bool ShowAuthor, string? Email);
