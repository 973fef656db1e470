using System.ComponentModel.DataAnnotations;

namespace OgpPortal.Domain.Consultations;

/// <summary>Where a comment from the public stands in moderation.</summary>
public enum CommentStatus
{
    /// <summary>Received and waiting for the point of contact or the Support Unit; not public.</summary>
    [Display(Name = "Held for moderation")]
    Held,

    Published,

    Rejected,
}

/// <summary>Why a comment was not published.</summary>
public enum RejectionReason
{
    Spam,

    [Display(Name = "Abusive")]
    Abuse,
}

/// <summary>What the government did with a piece of public input: the heart of the reasoned response.</summary>
public enum ResponseOutcome
{
    [Display(Name = "Taken up")]
    Accepted,

    [Display(Name = "Partly taken up")]
    PartlyAccepted,

    [Display(Name = "Not taken up")]
    NotTakenUp,
}
