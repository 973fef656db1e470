using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Infrastructure.Persistence.Configurations;

public sealed class MemberPointOfContactConfiguration : IEntityTypeConfiguration<MemberPointOfContact>
{
    public void Configure(EntityTypeBuilder<MemberPointOfContact> builder)
    {
        builder.HasKey(l => new { l.MemberId, l.UserId });
        builder.Property(l => l.UserId).HasMaxLength(Limits.UserId);
        builder.Property(l => l.Institution).HasMaxLength(Limits.Institution);
        builder.Property(l => l.Phone).HasMaxLength(Limits.Phone);
        builder.HasOne(l => l.Member).WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.UserId);
    }
}

public sealed class ResearcherAssignmentConfiguration : IEntityTypeConfiguration<ResearcherAssignment>
{
    public void Configure(EntityTypeBuilder<ResearcherAssignment> builder)
    {
        builder.HasKey(a => new { a.ActionPlanId, a.UserId });
        builder.Property(a => a.UserId).HasMaxLength(Limits.UserId);
        builder.HasOne(a => a.ActionPlan).WithMany(p => p.ResearcherAssignments).HasForeignKey(a => a.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.UserId);
    }
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Limits.PersonName);
        builder.Property(u => u.Language).HasMaxLength(ApplicationUser.LanguageMaxLength);
    }
}
