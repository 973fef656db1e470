using System.ComponentModel;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Shared.OpenData;

// The public shape of the portal's records, shared by the downloads on /data, the API under /api/v1 and
// their documentation: the data dictionary on /data and the OpenAPI schemas are read from these
// properties and their [Description], so the documentation cannot drift from what is served.
// Classes with init properties, not positional records, so EF Core can project into them.

[Description("An OGP member: a national or local government taking part in OGP.")]
public sealed class MemberRecord
{
    [Description("The portal's number for the member; use it with /api/v1/members/{id}.")]
    public int Id { get; init; }

    [Description("OGP's code for the member, which prefixes its commitment identifiers (NO, KE, BUE).")]
    public string Code { get; init; } = string.Empty;

    [Description("The member's name.")]
    public string Name { get; init; } = string.Empty;

    [Description("National or local (OGP Local) member.")]
    public MemberKind Kind { get; init; }

    [Description("One of OGP's four regions.")]
    public Region Region { get; init; }

    [Description("The country the member is or sits in.")]
    public string? Country { get; init; }

    [Description("The year the member joined OGP (founding members: 2011).")]
    public int JoinedYear { get; init; }

    [Description("Whether the member's action plans are due in even or odd years; empty until recorded.")]
    public Cohort? Cohort { get; init; }

    [Description("The member's standing in OGP.")]
    public MemberStatus Status { get; init; }

    [Description("The member's own open government web page.")]
    public string? Website { get; init; }
}

[Description("A published or closed action plan.")]
public sealed class ActionPlanRecord
{
    [Description("The portal's number for the action plan; use it with /api/v1/action-plans/{id}.")]
    public int Id { get; init; }

    [Description("The portal's number for the member (see members).")]
    public int MemberId { get; init; }

    [Description("The member's code.")]
    public string MemberCode { get; init; } = string.Empty;

    [Description("The member's name.")]
    public string MemberName { get; init; } = string.Empty;

    [Description("The plan's number for its member (\"Action plan 5\").")]
    public int Number { get; init; }

    [Description("The plan's title.")]
    public string Title { get; init; } = string.Empty;

    [Description("First day of implementation.")]
    public DateOnly PeriodStart { get; init; }

    [Description("Last day of implementation.")]
    public DateOnly PeriodEnd { get; init; }

    [Description("Published (being implemented) or Closed (implementation period over).")]
    public ActionPlanStatus Status { get; init; }

    [Description("When the Support Unit published the plan (UTC).")]
    public DateTime? PublishedAt { get; init; }

    [Description("When the plan was closed (UTC); empty while it is published.")]
    public DateTime? ClosedAt { get; init; }

    [Description("How many commitments the plan holds.")]
    public int CommitmentCount { get; init; }
}

[Description("A commitment of a published or closed action plan.")]
public sealed class CommitmentRecord
{
    [Description("The portal's number for the commitment; use it with /api/v1/commitments/{id}.")]
    public int Id { get; init; }

    [Description("OGP's identifier: member code and number (AL0002).")]
    public string Identifier { get; init; } = string.Empty;

    [Description("The portal's number for the action plan (see action plans).")]
    public int ActionPlanId { get; init; }

    [Description("The action plan's number for its member.")]
    public int PlanNumber { get; init; }

    [Description("The member's code.")]
    public string MemberCode { get; init; } = string.Empty;

    [Description("The member's name.")]
    public string MemberName { get; init; } = string.Empty;

    [Description("The member's region.")]
    public Region Region { get; init; }

    [Description("The commitment's title.")]
    public string Title { get; init; } = string.Empty;

    [Description("A short title, when the plan gives one.")]
    public string? ShortTitle { get; init; }

    [Description("The theme the plan groups the commitment under.")]
    public string? Theme { get; init; }

    [Description("The problem the commitment addresses.")]
    public string? Problem { get; init; }

    [Description("What the commitment is.")]
    public string? Description { get; init; }

    [Description("How the commitment solves the problem.")]
    public string? Solution { get; init; }

    [Description("The institution that leads the commitment.")]
    public string LeadInstitution { get; init; } = string.Empty;

    [Description("Supporting institutions (government, civil society and others).")]
    public string? SupportingInstitutions { get; init; }

    [Description("When implementation starts.")]
    public DateOnly? StartDate { get; init; }

    [Description("When implementation ends.")]
    public DateOnly? EndDate { get; init; }

    [Description("Relevance to OGP values, as stated in the plan.")]
    public OgpValues Values { get; init; }

    [Description("The Open Gov Challenge area the commitment contributes to, if any.")]
    public ChallengeArea? ChallengeArea { get; init; }

    [Description("OGP policy areas the commitment is tagged with.")]
    public IReadOnlyList<string> PolicyAreas { get; init; } = [];

    [Description("How many milestones the commitment has.")]
    public int MilestoneCount { get; init; }

    [Description("Progress in percent: the weight of completed milestones out of all milestones.")]
    public int ProgressPercent { get; init; }
}

[Description("A milestone of a commitment of a published or closed action plan.")]
public sealed class MilestoneRecord
{
    [Description("The portal's number for the milestone.")]
    public int Id { get; init; }

    [Description("The portal's number for the commitment (see commitments).")]
    public int CommitmentId { get; init; }

    [Description("The commitment's OGP identifier.")]
    public string CommitmentIdentifier { get; init; } = string.Empty;

    [Description("What the milestone delivers.")]
    public string Title { get; init; } = string.Empty;

    [Description("When the milestone is due.")]
    public DateOnly DueDate { get; init; }

    [Description("The milestone's weight in the commitment's progress.")]
    public int Weight { get; init; }

    [Description("Where the milestone stands, as the member reports it.")]
    public MilestoneStatus Status { get; init; }

    [Description("A link to evidence of completion.")]
    public string? EvidenceUrl { get; init; }

    [Description("Files attached as evidence of completion, as addresses on this portal (/evidence/{id}).")]
    public IReadOnlyList<string> EvidenceFiles { get; init; } = [];
}

[Description("The IRM's assessment of one commitment in a published IRM report.")]
public sealed class AssessmentRecord
{
    [Description("The portal's number for the assessment.")]
    public int Id { get; init; }

    [Description("The portal's number for the IRM report (see /reports/{id}).")]
    public int ReportId { get; init; }

    [Description("Which IRM product the assessment is part of.")]
    public ReportType ReportType { get; init; }

    [Description("When the report was published.")]
    public DateOnly? ReportPublishedOn { get; init; }

    [Description("The report's revision: 1, then one more for each correction by the Support Unit.")]
    public int ReportRevision { get; init; }

    [Description("The portal's number for the commitment (see commitments).")]
    public int CommitmentId { get; init; }

    [Description("The commitment's OGP identifier.")]
    public string CommitmentIdentifier { get; init; } = string.Empty;

    [Description("The member's code.")]
    public string MemberCode { get; init; } = string.Empty;

    [Description("The action plan's number for its member.")]
    public int PlanNumber { get; init; }

    [Description("Verifiability: true when verifiable; a commitment that is not verifiable is not assessed further.")]
    public bool? Verifiable { get; init; }

    [Description("Relevance to OGP values as the IRM finds it.")]
    public OgpValues Relevance { get; init; }

    [Description("Potential for results (Action Plan Review).")]
    public PotentialForResults? PotentialForResults { get; init; }

    [Description("Whether the IRM flags the commitment as promising.")]
    public bool Promising { get; init; }

    [Description("Why the commitment is promising.")]
    public string? PromisingReason { get; init; }

    [Description("The cluster the IRM grouped the commitment into.")]
    public string? Cluster { get; init; }

    [Description("Completion (Midterm Review and Results Report).")]
    public Completion? Completion { get; init; }

    [Description("Early results: \"Did it open government?\" (Results Report).")]
    public EarlyResults? EarlyResults { get; init; }

    [Description("The IRM's narrative for the commitment.")]
    public string? Narrative { get; init; }
}

[Description("An accepted entry of the Open Gov Challenge.")]
public sealed class ChallengeEntryRecord
{
    [Description("The portal's number for the entry (see /challenge/{id}).")]
    public int Id { get; init; }

    [Description("The member's code.")]
    public string MemberCode { get; init; } = string.Empty;

    [Description("The member's name.")]
    public string MemberName { get; init; } = string.Empty;

    [Description("The title of the reform.")]
    public string Title { get; init; } = string.Empty;

    [Description("What the reform does.")]
    public string? Description { get; init; }

    [Description("The Challenge area.")]
    public ChallengeArea Area { get; init; }

    [Description("How the member takes part: action-plan commitment, standalone commitment or awards entry.")]
    public Participation Participation { get; init; }

    [Description("The level of government that owns the reform.")]
    public GovernmentLevel Level { get; init; }

    [Description("The locality, for a local (non-member) government.")]
    public string? LocalityName { get; init; }

    [Description("The public-sector institution that leads the reform.")]
    public string LeadInstitution { get; init; } = string.Empty;

    [Description("The OGP values the reform builds in.")]
    public OgpValues Values { get; init; }

    [Description("The linked action-plan commitment's identifier; empty unless its plan is published or closed.")]
    public string? CommitmentIdentifier { get; init; }

    [Description("Whether the Support Unit flags the entry as promising.")]
    public bool Promising { get; init; }

    [Description("Why the entry is promising.")]
    public string? PromisingReason { get; init; }

    [Description("When the Support Unit accepted the entry (UTC).")]
    public DateTime? AcceptedAt { get; init; }
}
