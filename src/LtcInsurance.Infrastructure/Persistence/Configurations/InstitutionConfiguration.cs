using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.ToTable("institutions");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.HasIndex(i => new { i.TenantId, i.Code }).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(i => i.Status).HasConversion(new EnumText<InstitutionStatus>()).HasMaxLength(16);

        // the provider register (migration 20261207122000_ProviderRegister)
        builder.ToTable("institutions", t =>
        {
            t.HasCheckConstraint("ck_institutions_provider_kind", "provider_kind IN ('institution', 'individual')");
            t.HasCheckConstraint("ck_institutions_agreement", "agreement_to IS NULL OR agreement_from IS NULL OR agreement_to >= agreement_from");
            t.HasCheckConstraint("ck_institutions_medical_level", "medical_institution_level IS NULL OR medical_institution_level BETWEEN 1 AND 3");
        });
        // rows inserted without a kind (older tools, raw SQL) are institutions
        builder.Property(i => i.ProviderKind).HasMaxLength(16).HasDefaultValue(Domain.Providers.ProviderKinds.Institution);
        builder.Property(i => i.BankName).HasMaxLength(100);
        builder.Property(i => i.BankAccountName).HasMaxLength(200);
        builder.Property(i => i.BankAccountNumber).HasMaxLength(34);
        builder.Property(i => i.LiabilityInsurancePolicy).HasMaxLength(64);
        builder.Property(i => i.StatusReason).HasMaxLength(500);
        builder.HasIndex(i => new { i.TenantId, i.Name });
    }
}
