using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// One row whose <see cref="Value"/> goes up after every committed change to records the public can see, on
/// whichever instance (or command) made it. What an instance keeps in memory about public records (the
/// commitment search's index) compares it with the value it was built at, so a change made elsewhere is seen
/// too. Bumped after the commit by <see cref="PublicContentVersions.BumpAsync"/>, never inside the change's
/// transaction, so no save waits on this row while an import runs.
/// </summary>
public sealed class PublicContentVersion
{
    public const int TheId = 1;

    public int Id { get; private set; } = TheId;

    public long Value { get; private set; }
}

public static class PublicContentVersions
{
    /// <summary>The current value (0 before the first change).</summary>
    public static Task<long> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PublicContentVersions.AsNoTracking().Where(v => v.Id == PublicContentVersion.TheId).Select(v => v.Value).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>One atomic increment in the database (<c>UPDATE … SET Value = Value + 1</c>): concurrent bumps never lose one.</summary>
    public static Task<int> BumpAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PublicContentVersions.Where(v => v.Id == PublicContentVersion.TheId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);
    }
}

internal sealed class PublicContentVersionConfiguration : IEntityTypeConfiguration<PublicContentVersion>
{
    public void Configure(EntityTypeBuilder<PublicContentVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new { Id = PublicContentVersion.TheId, Value = 0L });
    }
}
