using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// Stamps created/updated by and at on every save, and gives each changed versioned record a new
/// concurrency version, so a save from a stale copy fails instead of overwriting a colleague's edit.
/// </summary>
public sealed class AuditStampInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public const string SystemUser = "system";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var who = currentUser.UserName ?? SystemUser;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.Entity is AuditableEntity auditable)
            {
                if (entry.State == EntityState.Added)
                {
                    auditable.CreatedAt = now;
                    auditable.CreatedBy = who;
                }

                auditable.UpdatedAt = now;
                auditable.UpdatedBy = who;
            }

            if (entry.Entity is IConcurrencyVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }
}
