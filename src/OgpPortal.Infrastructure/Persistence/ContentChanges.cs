using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// Told when records the public can see have changed and the change is committed: the web layer evicts
/// its cached public pages (docs/decisions/0015-output-cache.md).
/// </summary>
public interface IContentChangeListener
{
    ValueTask ContentChangedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Watches every save of a context: when it adds, changes or removes a domain record (members, plans,
/// commitments, assessments, Challenge entries, consultations…), the listeners are told once the change is
/// committed — at once for a save on its own, at the commit for a save inside a transaction (an import), and
/// never when the transaction is rolled back. Bookkeeping rows (audit entries, outgoing mail, followers,
/// accounts, keys) do not count. One instance per context (scoped), so the pending state is the context's.
/// </summary>
public sealed class ContentChangeInterceptor(IEnumerable<IContentChangeListener> listeners) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private const string DomainNamespace = "OgpPortal.Domain";

    /// <summary>Domain records that no public page shows: the follow-by-e-mail subscriptions.</summary>
    private const string FollowingNamespace = "OgpPortal.Domain.Following";

    private readonly IContentChangeListener[] _listeners = [.. listeners];
    private bool _pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (InOwnTransaction(eventData.Context))
        {
            return result;
        }

        TellAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!InOwnTransaction(eventData.Context))
        {
            await TellAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!InOwnTransaction(eventData.Context))
        {
            _pending = false;
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TellAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        TellAsync(CancellationToken.None).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = false;
        return Task.CompletedTask;
    }

    /// <summary>A transaction begun by the caller around the save (SaveChanges' own one is over by the time it returns).</summary>
    private static bool InOwnTransaction(DbContext? context) => context?.Database.CurrentTransaction is not null;

    private void Notice(DbContext? context)
    {
        if (context is null || _pending)
        {
            return;
        }

        _pending = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (e.Metadata.HasSharedClrType || IsPublicContent(e.Metadata.ClrType)));
    }

    /// <summary>Join rows (a commitment's policy areas) count as their records' content.</summary>
    private static bool IsPublicContent(Type type) =>
        type.Namespace is { } name
        && name.StartsWith(DomainNamespace, StringComparison.Ordinal)
        && !name.StartsWith(FollowingNamespace, StringComparison.Ordinal);

    private async ValueTask TellAsync(CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }

        _pending = false;
        foreach (var listener in _listeners)
        {
            await listener.ContentChangedAsync(cancellationToken);
        }
    }
}
