using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
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

            if (entry.Entity is IConcurrencyVersioned versioned && entry.State != EntityState.Deleted)
            {
                versioned.Version = Guid.NewGuid();
            }

            var trace = Trace(entry, who, now);
            if (trace is not null)
            {
                context.Add(trace);
            }
        }
    }

    /// <summary>
    /// A change to a commitment's milestones or progress notes is a change to the commitment: marking it
    /// modified renews its version, so two people editing the same commitment's parts cannot both win.
    /// </summary>
    private static void TouchParents(DbContext context)
    {
        // By foreign key, not navigation: a removed milestone has already lost its link to the commitment.
        var parentIds = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is Milestone or ProgressNote)
            .Select(e => e.Entity switch
            {
                Milestone m => m.Commitment?.Id ?? (int)e.Property(nameof(Milestone.CommitmentId)).OriginalValue!,
                ProgressNote n => n.Commitment?.Id ?? (int)e.Property(nameof(ProgressNote.CommitmentId)).OriginalValue!,
                _ => 0,
            })
            .ToHashSet();
        foreach (var parent in context.ChangeTracker.Entries<Commitment>().Where(c => parentIds.Contains(c.Entity.Id) && c.State == EntityState.Unchanged).ToList())
        {
            parent.State = EntityState.Modified;
        }
    }

    private static AuditEntry? Trace(EntityEntry entry, string who, DateTime now)
    {
        var subject = SubjectOf(entry.Entity);
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
        if (action == AuditAction.Changed && changes.Count == 0)
        {
            return null;
        }

        return new AuditEntry
        {
            SubjectType = subject.Value.Type,
            SubjectKey = subject.Value.Key,
            EntityType = entry.Metadata.ClrType.Name,
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
            UserName = who,
            At = now,
        };
    }

    /// <summary>The record a change belongs to in people's eyes; null for what is not audited here.</summary>
    public static (string Type, string Key)? SubjectOf(object entity) => entity switch
    {
        Member m => (nameof(Member), m.Code),
        ActionPlan p => (nameof(ActionPlan), PlanKey(p.Member?.Code, p.Number, p.MemberId)),
        Commitment c => (nameof(Commitment), c.Identifier),
        Milestone m => (nameof(Commitment), m.Commitment?.Identifier ?? $"#{m.CommitmentId}"),
        ProgressNote n => (nameof(Commitment), n.Commitment?.Identifier ?? $"#{n.CommitmentId}"),
        _ => null,
    };

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
