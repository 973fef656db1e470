using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

internal static class ConfigurationExtensions
{
    public static void AuditStamps<T>(this EntityTypeBuilder<T> builder)
        where T : AuditableEntity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(Limits.Email);
        builder.Property(e => e.UpdatedBy).HasMaxLength(Limits.Email);
    }
}
