using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameLength).IsRequired();
        builder.Property(j => j.StartedBy).HasMaxLength(Limits.Email).IsRequired();
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.Stage).HasMaxLength(ImportJob.StageLength);
        builder.Property(j => j.RunBy).HasMaxLength(ImportJob.RunByLength);
        builder.Property(j => j.Failure).HasMaxLength(ImportJob.FailureLength);

        // The runners look for the oldest queued job and for running ones whose lease has passed; the page lists the newest.
        builder.HasIndex(j => new { j.State, j.QueuedAt });
        builder.HasIndex(j => j.QueuedAt);
    }
}

public sealed class ImportJobFileConfiguration : IEntityTypeConfiguration<ImportJobFile>
{
    public void Configure(EntityTypeBuilder<ImportJobFile> builder)
    {
        builder.HasKey(f => f.JobId);
        builder.Property(f => f.Content).IsRequired();
        builder.HasOne<ImportJob>().WithOne().HasForeignKey<ImportJobFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
