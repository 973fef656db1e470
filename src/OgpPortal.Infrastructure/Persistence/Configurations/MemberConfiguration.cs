using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Limits.MemberName).IsRequired();
        builder.Property(m => m.Code).HasMaxLength(Limits.MemberCode).IsRequired();
        builder.Property(m => m.DataCode).HasMaxLength(Limits.DataCode);
        builder.Property(m => m.Country).HasMaxLength(Limits.Country);
        builder.Property(m => m.Website).HasMaxLength(Limits.Url);
        builder.Property(m => m.Notes).HasMaxLength(Limits.Notes);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.AuditStamps();
        builder.Ignore(m => m.IsArchived);

        // A member's history stays with it; a member with history is archived, not deleted (the registry refuses).
        builder.HasMany(m => m.StatusHistory).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.StatusHistory).HasField("_statusHistory");

        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.DataCode).IsUnique();
        builder.HasIndex(m => m.Name);
        builder.HasIndex(m => new { m.Kind, m.Region });
        builder.HasIndex(m => m.Status);
        builder.HasIndex(m => m.Region);
    }
}

public sealed class MemberStatusChangeConfiguration : IEntityTypeConfiguration<MemberStatusChange>
{
    public void Configure(EntityTypeBuilder<MemberStatusChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Reason).HasMaxLength(Limits.Reason);
        builder.HasIndex(c => new { c.MemberId, c.EffectiveOn });
    }
}

/// <summary>A reminder is sent once per member, deadline and days before it: the unique index makes it so across instances.</summary>
public sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MemberId, r.Deadline, r.DaysBefore }).IsUnique();
    }
}
