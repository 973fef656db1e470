using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>Loads whole aggregates for write paths, so domain methods always see every part they check.</summary>
public static class Aggregates
{
    /// <summary>
    /// A plan's consultation with its plan, scope and record of what was put to it (<see cref="Consultation.Consulted"/>),
    /// and its comments when a change needs them; null when the plan has none.
    /// </summary>
    public static Task<Consultation?> LoadConsultationAsync(this PortalDbContext db, int planId, bool withComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<Consultation> consultations = db.Consultations.Include(c => c.ActionPlan).Include(c => c.Commitments).Include(c => c.Consulted).ThenInclude(r => r.Milestones);
        if (withComments)
        {
            consultations = consultations.Include(c => c.Comments);
        }

        return consultations.AsSplitQuery().SingleOrDefaultAsync(c => c.ActionPlanId == planId, cancellationToken);
    }

    /// <summary>A plan with its member, commitments, their milestones and policy areas; null when there is none.</summary>
    public static Task<ActionPlan?> LoadPlanAsync(this PortalDbContext db, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ActionPlans
            .Include(p => p.Member)
            .Include(p => p.ForumMeetings)
            .Include(p => p.Commitments).ThenInclude(c => c.Milestones)
            .Include(p => p.Commitments).ThenInclude(c => c.PolicyAreas)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
    }

    /// <summary>
    /// Saves only if the record is still at the version the user's form was made from; otherwise
    /// <see cref="DbUpdateConcurrencyException"/> tells the caller someone else changed it first.
    /// </summary>
    public static void ExpectVersion<T>(this PortalDbContext db, T entity, Guid version)
        where T : class, IConcurrencyVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);

        // Already changed since the form was made: say so before any rule is checked against the new state.
        if (entity.Version != version)
        {
            throw new DbUpdateConcurrencyException($"{typeof(T).Name} was changed by someone else after the form was opened.");
        }

        // Changed between this load and the save: the database refuses the update.
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
    }
}
