using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

internal sealed class InsuredPersonConfiguration : IEntityTypeConfiguration<InsuredPerson>
{
    public void Configure(EntityTypeBuilder<InsuredPerson> builder)
    {
        builder.ToTable("insured_people");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.IdNumber)
            .HasConversion(id => id.Value, text => IdNumber.Parse(text))
            .HasMaxLength(18).IsFixedLength();
        // One register entry per person and scheme; the same person may be insured in two tenants.
        builder.HasIndex(p => new { p.TenantId, p.IdNumber }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.Name });
        // Name search anywhere in the name (LIKE '%…%', three or more characters): pg_trgm, created by migration
        // 20261207125000_RegisterSearchIndexes (the extension is declared in LtcDbContext.OnModelCreating).
        builder.HasIndex(p => p.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.Sex).HasConversion(new EnumText<Sex>()).HasMaxLength(8);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Address).HasMaxLength(200);
        builder.Property(p => p.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(p => p.MedicalInsurance).HasConversion(new EnumText<MedicalInsuranceScheme>()).HasMaxLength(16);
        builder.Property(p => p.Employment).HasConversion(new EnumText<EmploymentStatus>()).HasMaxLength(32);
    }
}
