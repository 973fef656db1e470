using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Contributions;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.Property(c => c.Tier).HasMaxLength(Limits.Tier).IsRequired();
        builder.Property(c => c.ExpectedAmount).HasPrecision(18, 2);
        builder.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.AuditStamps();
        builder.Ignore(c => c.PaidInExpectedCurrency);

        builder.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Payments).WithOne().HasForeignKey(p => p.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Payments).HasField("_payments");

        builder.HasIndex(c => new { c.MemberId, c.FiscalYear }).IsUnique();
        builder.HasIndex(c => c.FiscalYear);
    }
}

public sealed class ContributionPaymentConfiguration : IEntityTypeConfiguration<ContributionPayment>
{
    public void Configure(EntityTypeBuilder<ContributionPayment> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(Limits.PaymentNote);
    }
}
