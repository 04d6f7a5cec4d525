using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Contributions;

/// <summary>contribution_bases (migration ContributionBases): append-only, RLS FORCE.</summary>
internal sealed class ContributionBaseConfiguration : IEntityTypeConfiguration<ContributionBase>
{
    public void Configure(EntityTypeBuilder<ContributionBase> builder)
    {
        builder.ToTable("contribution_bases");
        builder.HasKey(b => new { b.TenantId, b.Id });
        builder.Property(b => b.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(b => new { b.TenantId, b.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.TenantId, b.PersonId, b.Kind });
        builder.HasIndex(b => new { b.TenantId, b.FromMonth, b.ToMonth });
        builder.Property(b => b.Kind).HasMaxLength(16);
        builder.Property(b => b.Source).HasMaxLength(32);
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.Property(b => b.RecordedBy).HasMaxLength(256);
        builder.Ignore(b => b.From);
        builder.Ignore(b => b.To);
        builder.Ignore(b => b.PeriodText);
    }
}
