using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Consultations;

/// <summary>
/// A piece of public input on a plan in consultation: held for moderation, then published or rejected;
/// a published comment gets the government's reasoned response (what was done with it, why, and the
/// commitment it led to).
/// </summary>
public class ConsultationComment : AuditableEntity, IConcurrencyVersioned
{
    public const int MaxTextLength = 4_000;
    public const int MaxResponseLength = 4_000;

    private ConsultationComment()
    {
    }

    internal ConsultationComment(Consultation consultation, CommentSubmission submission, DateTime utcNow)
    {
        Consultation = consultation;
        Text = Guard.Required(submission.Text, "The comment");
        if (Text.Length > MaxTextLength)
        {
            throw new DomainRuleException($"A comment can be at most {MaxTextLength} characters.");
        }

        CommitmentId = submission.CommitmentId;
        AuthorName = Blank(submission.AuthorName);
        Organisation = Blank(submission.Organisation);
        ShowAuthor = submission.ShowAuthor && (AuthorName is not null || Organisation is not null);
        Email = Blank(submission.Email);
        ReceivedAt = utcNow;
    }

    public int ConsultationId { get; private set; }

    public Consultation Consultation { get; private set; } = null!;

    /// <summary>The draft commitment commented on; null for a comment on the plan as a whole.</summary>
    public int? CommitmentId { get; private set; }

    public Commitment? Commitment { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string? AuthorName { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>The author agreed to show their name and organisation with the comment.</summary>
    public bool ShowAuthor { get; private set; }

    /// <summary>For the government to reply; never shown.</summary>
    public string? Email { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public CommentStatus Status { get; private set; } = CommentStatus.Held;

    public RejectionReason? RejectionReason { get; private set; }

    public DateTime? ModeratedAt { get; private set; }

    public ResponseOutcome? ResponseOutcome { get; private set; }

    public string? Response { get; private set; }

    public DateTime? RespondedAt { get; private set; }

    /// <summary>The commitment the input led to, when it did.</summary>
    public int? LedToCommitmentId { get; private set; }

    public Commitment? LedToCommitment { get; private set; }

    public Guid Version { get; set; }

    public bool IsAnswered => ResponseOutcome is not null;

    public void Publish(DateTime utcNow)
    {
        EnsureHeld();
        Status = CommentStatus.Published;
        ModeratedAt = utcNow;
    }

    public void Reject(RejectionReason reason, DateTime utcNow)
    {
        EnsureHeld();
        Status = CommentStatus.Rejected;
        RejectionReason = reason;
        ModeratedAt = utcNow;
    }

    /// <summary>
    /// Writes (or rewrites) the reasoned response to a published comment. A commitment it led to must be one
    /// of the plan's own.
    /// </summary>
    public void Respond(ResponseOutcome outcome, string response, Commitment? ledTo, DateTime utcNow)
    {
        if (Status != CommentStatus.Published)
        {
            throw new DomainRuleException("Only a published comment gets a reasoned response; publish it first.");
        }

        var text = Guard.Required(response, "The reasoned response");
        if (text.Length > MaxResponseLength)
        {
            throw new DomainRuleException($"A response can be at most {MaxResponseLength} characters.");
        }

        if (ledTo is not null && ledTo.ActionPlanId != Consultation.ActionPlanId)
        {
            throw new DomainRuleException("The commitment the comment led to must be one of this plan's commitments.");
        }

        if (ledTo is not null && outcome == Consultations.ResponseOutcome.NotTakenUp)
        {
            throw new DomainRuleException("Input that was not taken up did not lead to a commitment; choose taken up or partly taken up, or no commitment.");
        }

        ResponseOutcome = outcome;
        Response = text;
        LedToCommitment = ledTo;
        LedToCommitmentId = ledTo?.Id;
        RespondedAt = utcNow;
    }

    private void EnsureHeld()
    {
        if (Status != CommentStatus.Held)
        {
            throw new DomainRuleException($"This comment was already moderated ({EnumDisplay.Name(Status)}).");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
