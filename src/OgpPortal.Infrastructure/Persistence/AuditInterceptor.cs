using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Contributions;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// On every save: stamps created/updated by and at; gives each changed versioned record a new concurrency
/// version, so a save from a stale copy fails instead of overwriting a colleague's edit; and writes an
/// <see cref="AuditEntry"/> per created, changed or deleted domain record, in the same save (so a change
/// and its trace are stored together or not at all).
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public const string SystemUser = "system";

    /// <summary>The join table of commitments and policy areas, and its columns (see CommitmentConfiguration).</summary>
    private const string PolicyAreaLinks = "CommitmentPolicyAreas";
    private const string PolicyAreaLinkCommitment = "CommitmentsId";
    private const string PolicyAreaLinkArea = "PolicyAreasId";

    private sealed record AuditSubject(string Type, string Key, string? MemberCode);

    private sealed record TrackedCommitment(string Identifier, bool IsNew);

    private static readonly HashSet<string> Unaudited =
    [
        nameof(AuditableEntity.Id), nameof(AuditableEntity.CreatedAt), nameof(AuditableEntity.CreatedBy),
        nameof(AuditableEntity.UpdatedAt), nameof(AuditableEntity.UpdatedBy), nameof(IConcurrencyVersioned.Version),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var who = currentUser.UserName ?? SystemUser;
        TouchParents(context);
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        // Policy-area links and removed parts name their commitment by key (the entry's key value, temporary
        // for a commitment being added): one index per save, not a scan of the tracker per link.
        var identifiers = new Lazy<Dictionary<int, TrackedCommitment>>(() => context.ChangeTracker.Entries<Commitment>()
            .ToDictionary(c => c.Property(x => x.Id).CurrentValue, c => new TrackedCommitment(c.Entity.Identifier, c.State == EntityState.Added)));
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditableEntity auditable && entry.State != EntityState.Deleted)
            {
                if (entry.State == EntityState.Added)
                {
                    auditable.CreatedAt = now;
                    auditable.CreatedBy = who;
                }

                auditable.UpdatedAt = now;
                auditable.UpdatedBy = who;
            }

            // Reordering commitments changes only their positions: no one's open edit form goes stale for that.
            if (entry.Entity is IConcurrencyVersioned versioned && entry.State != EntityState.Deleted && !OnlyPositionChanged(entry))
            {
                versioned.Version = Guid.NewGuid();
            }

            if (entry.Entity is AuditEntry { UserName.Length: 0 } explicitTrace)
            {
                // Entries written by a screen (account changes) are stamped like the rest.
                explicitTrace.UserName = who;
                explicitTrace.At = now;
                continue;
            }

            var trace = Trace(context, entry, who, now, identifiers);
            if (trace is not null)
            {
                context.Add(trace);
            }
        }
    }

    /// <summary>
    /// A change to a record's parts is a change to the record: a commitment's milestones, their evidence files, progress notes and
    /// policy areas, an IRM report's assessments and comments, a Challenge entry's milestones. Marking the
    /// parent modified renews its version, so a stale form or a publication that missed a new comment is
    /// refused instead of winning silently.
    /// </summary>
    private static void TouchParents(DbContext context)
    {
        var parents = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(VersionedParentOf)
            .OfType<(Type, int)>()
            .ToHashSet();
        foreach (var parent in context.ChangeTracker.Entries()
                     .Where(e => e.State == EntityState.Unchanged && e.Entity is AuditableEntity a && parents.Contains((e.Entity.GetType(), a.Id)))
                     .ToList())
        {
            parent.State = EntityState.Modified;
        }
    }

    /// <summary>The versioned record a part belongs to, by foreign key (a removed part has lost its navigation).</summary>
    private static (Type Type, int Id)? VersionedParentOf(EntityEntry entry) => entry.Entity switch
    {
        CommitmentAssessment or ReportComment => (typeof(IrmReport), OriginalForeignKey(entry, nameof(CommitmentAssessment.ReportId))),
        ChallengeMilestone => (typeof(ChallengeEntry), OriginalForeignKey(entry, nameof(ChallengeMilestone.EntryId))),
        _ => ParentCommitmentId(entry) is { } id ? (typeof(Commitment), id) : null,
    };

    /// <summary>The commitment a milestone, progress note, evidence file or policy-area link belongs to; null for anything else.</summary>
    private static int? ParentCommitmentId(EntityEntry entry) => entry.Entity switch
    {
        Milestone m => m.Commitment?.Id ?? (int)entry.Property(nameof(Milestone.CommitmentId)).OriginalValue!,
        ProgressNote n => n.Commitment?.Id ?? (int)entry.Property(nameof(ProgressNote.CommitmentId)).OriginalValue!,
        EvidenceFile f => (f.Milestone ?? Tracked<Milestone>(entry.Context, OriginalForeignKey(entry, nameof(EvidenceFile.MilestoneId))))?.CommitmentId,
        _ when entry.Metadata.Name == PolicyAreaLinks => (int)entry.Property(PolicyAreaLinkCommitment).OriginalValue!,
        _ => null,
    };

    private static bool OnlyPositionChanged(EntityEntry entry) =>
        entry.State == EntityState.Modified
        && entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name)
            .All(name => name is nameof(Commitment.Position) or nameof(AuditableEntity.UpdatedAt) or nameof(AuditableEntity.UpdatedBy))
        && entry.Properties.Any(p => p.Metadata.Name == nameof(Commitment.Position) && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));

    private static AuditEntry? Trace(DbContext context, EntityEntry entry, string who, DateTime now, Lazy<Dictionary<int, TrackedCommitment>> identifiers)
    {
        if (entry.Metadata.Name == PolicyAreaLinks)
        {
            return PolicyAreaLinkTrace(entry, who, now, identifiers);
        }

        var subject = SubjectOf(context, entry, identifiers);
        if (subject is null)
        {
            return null;
        }

        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Changed,
        };
        var changes = entry.Properties
            .Where(p => !Unaudited.Contains(p.Metadata.Name) && !p.Metadata.IsForeignKey() && !p.Metadata.IsShadowProperty())
            .Where(p => action != AuditAction.Changed || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => new AuditChange(
                p.Metadata.Name,
                action == AuditAction.Created ? null : Text(p.OriginalValue),
                action == AuditAction.Deleted ? null : Text(p.CurrentValue)))
            .Where(c => c.From is not null || c.To is not null)
            .ToList();
        if (action == AuditAction.Created && entry.Entity is Commitment { PolicyAreas.Count: > 0 } created)
        {
            changes.Add(new AuditChange(nameof(Commitment.PolicyAreas), null, string.Join(", ", created.PolicyAreas.Select(a => a.Name).Order(StringComparer.Ordinal))));
        }

        if (action == AuditAction.Changed && changes.Count == 0)
        {
            return null;
        }

        return new AuditEntry
        {
            SubjectType = subject.Type,
            SubjectKey = subject.Key,
            MemberCode = subject.MemberCode,
            EntityType = entry.Metadata.ClrType.Name,
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
            UserName = who,
            At = now,
        };
    }

    private static AuditEntry? PolicyAreaLinkTrace(EntityEntry entry, string who, DateTime now, Lazy<Dictionary<int, TrackedCommitment>> identifiers)
    {
        if (entry.State is not (EntityState.Added or EntityState.Deleted))
        {
            return null;
        }

        var commitmentId = (int)entry.Property(PolicyAreaLinkCommitment).CurrentValue!;
        var areaId = (int)entry.Property(PolicyAreaLinkArea).CurrentValue!;
        var area = PolicyAreaCatalog.All.FirstOrDefault(a => a.Id == areaId)?.Name ?? areaId.ToString(CultureInfo.InvariantCulture);
        var added = entry.State == EntityState.Added;
        var commitment = identifiers.Value.GetValueOrDefault(commitmentId);
        if (added && commitment is { IsNew: true })
        {
            // A new commitment's policy areas are part of its own creation entry.
            return null;
        }

        var identifier = commitment?.Identifier;
        return new AuditEntry
        {
            SubjectType = nameof(Commitment),
            SubjectKey = identifier ?? $"#{commitmentId}",
            MemberCode = MemberCodeOf(identifier),
            EntityType = nameof(PolicyArea),
            Action = added ? AuditAction.Created : AuditAction.Deleted,
            Changes = JsonSerializer.Serialize(new[] { new AuditChange(nameof(PolicyArea), added ? null : area, added ? area : null) }),
            UserName = who,
            At = now,
        };
    }


    /// <summary>
    /// The record a change belongs to in people's eyes, and its member; null for what is not audited here
    /// (accounts and their links are traced by the screens that change them).
    /// </summary>
    private static AuditSubject? SubjectOf(DbContext context, EntityEntry entry, Lazy<Dictionary<int, TrackedCommitment>> identifiers)
    {
        switch (entry.Entity)
        {
            case Member m:
                return new(nameof(Member), m.Code, m.Code);
            case MemberStatusChange change:
                var member = Tracked<Member>(context, change.MemberId);
                return new(nameof(Member), member?.Code ?? $"#{change.MemberId}", member?.Code);
            case ActionPlan p:
                return PlanSubject(p);
            case ForumMeeting meeting:
                var plan = Tracked<ActionPlan>(context, OriginalForeignKey(entry, nameof(ForumMeeting.ActionPlanId)));
                return plan is null ? new(nameof(ActionPlan), $"#{meeting.ActionPlanId}", null) : PlanSubject(plan);
            case Contribution c:
                return ContributionSubject(c);
            case ContributionPayment:
                var contribution = Tracked<Contribution>(context, OriginalForeignKey(entry, nameof(ContributionPayment.ContributionId)));
                return contribution is null ? null : ContributionSubject(contribution);
            case Consultation consultation:
                return consultation.ActionPlan is { } consulted ? PlanSubject(consulted) : new(nameof(ActionPlan), $"#{consultation.ActionPlanId}", null);
            case ConsultationComment comment when entry.State == EntityState.Modified:
                // Moderation and responses are traced; the submission itself (a member of the public's name
                // and address) is not copied into the audit log.
                var consultedPlan = comment.Consultation?.ActionPlan;
                return consultedPlan is null ? null : PlanSubject(consultedPlan);
            case ChallengeEntry challenge:
                return ChallengeSubject(challenge);
            case ChallengeMilestone:
                var parentEntry = Tracked<ChallengeEntry>(context, OriginalForeignKey(entry, nameof(ChallengeMilestone.EntryId)));
                return parentEntry is null ? null : ChallengeSubject(parentEntry);
            case ChallengeTarget target:
                return new(AuditSubjects.Challenge, $"Target {target.Area}/{target.Year.ToString(CultureInfo.InvariantCulture)}", null);
            case IrmReport report:
                return ReportSubject(report);
            case CommitmentAssessment or ReportComment:
                var parentReport = Tracked<IrmReport>(context, OriginalForeignKey(entry, nameof(CommitmentAssessment.ReportId)));
                return parentReport is null ? null : ReportSubject(parentReport);
            case Commitment or Milestone or ProgressNote or EvidenceFile:
                // A removed milestone or note no longer knows its commitment; the tracked commitment does.
                var identifier = entry.Entity switch
                {
                    Commitment commitment => commitment.Identifier,
                    Milestone { Commitment: { } parent } => parent.Identifier,
                    ProgressNote { Commitment: { } parent } => parent.Identifier,
                    EvidenceFile { Milestone.Commitment: { } parent } => parent.Identifier,
                    _ when ParentCommitmentId(entry) is { } parentId => identifiers.Value.GetValueOrDefault(parentId)?.Identifier ?? $"#{parentId}",
                    _ => "#?",
                };
                return new(nameof(Commitment), identifier, MemberCodeOf(identifier));
            default:
                return null;
        }
    }

    private static AuditSubject PlanSubject(ActionPlan p) => new(nameof(ActionPlan), PlanKey(p.Member?.Code, p.Number, p.MemberId), p.Member?.Code);

    /// <summary>A new entry has no id yet when its trace is written, so entries are filed by member and title.</summary>
    private static AuditSubject ChallengeSubject(ChallengeEntry e) =>
        new(AuditSubjects.Challenge, $"{e.Member?.Code}: {(e.Title.Length > 120 ? e.Title[..120] : e.Title)}", e.Member?.Code);

    private static AuditSubject ReportSubject(IrmReport r) =>
        new(AuditSubjects.Report, $"{PlanKey(r.ActionPlan?.Member?.Code, r.ActionPlan?.Number ?? 0, r.ActionPlan?.MemberId ?? 0)}/{r.Type}", r.ActionPlan?.Member?.Code);

    private static AuditSubject ContributionSubject(Contribution c) =>
        new(nameof(Contribution), $"{c.Member?.Code ?? "#" + c.MemberId.ToString(CultureInfo.InvariantCulture)}/{c.FiscalYear.ToString(CultureInfo.InvariantCulture)}", c.Member?.Code);

    private static int OriginalForeignKey(EntityEntry entry, string property) => (int)entry.Property(property).OriginalValue!;

    private static T? Tracked<T>(DbContext context, int id)
        where T : AuditableEntity =>
        context.ChangeTracker.Entries<T>().FirstOrDefault(e => e.Property(x => x.Id).CurrentValue == id)?.Entity;

    private static string? MemberCodeOf(string? identifier) => CommitmentIdentifier.IsValid(identifier) ? identifier![..^4] : null;

    public static string PlanKey(string? memberCode, int number, int memberId) =>
        $"{memberCode ?? "#" + memberId.ToString(CultureInfo.InvariantCulture)}/{number.ToString(CultureInfo.InvariantCulture)}";

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
