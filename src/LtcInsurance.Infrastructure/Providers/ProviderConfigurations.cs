using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Providers;

// The provider register and the service catalogue (migration 20261207122000_ProviderRegister). The institutions table's
// new columns are configured with the table in Persistence/Configurations/InstitutionConfiguration.cs.

/// <summary>care_workers: providers' care staff by real name, with qualifications.</summary>
internal sealed class CareWorkerConfiguration : IEntityTypeConfiguration<CareWorker>
{
    public void Configure(EntityTypeBuilder<CareWorker> builder)
    {
        builder.ToTable("care_workers");
        builder.HasKey(w => new { w.TenantId, w.Id });
        builder.Property(w => w.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(w => new { w.TenantId, w.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_care_workers_institution");
        builder.Property(w => w.Name).HasMaxLength(50);
        builder.Property(w => w.IdNumber).HasMaxLength(18).IsFixedLength();
        builder.Property(w => w.RecordedBy).HasMaxLength(256);
        builder.HasIndex(w => new { w.TenantId, w.InstitutionId, w.IdNumber }).IsUnique();
        builder.HasIndex(w => new { w.TenantId, w.IdNumber });
    }
}

/// <summary>sanctions: institutions and care workers barred for a period; append-only except one dated end.</summary>
internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> builder)
    {
        builder.ToTable("sanctions", t =>
        {
            t.HasCheckConstraint("ck_sanctions_subject_kind", "subject_kind IN ('institution', 'care_worker')");
            t.HasCheckConstraint("ck_sanctions_period", "to_date IS NULL OR to_date >= from_date");
        });
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.SubjectKind).HasMaxLength(16);
        builder.Property(s => s.From).HasColumnName("from_date");
        builder.Property(s => s.To).HasColumnName("to_date");
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.Clause).HasMaxLength(300);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.Property(s => s.EndReason).HasMaxLength(500);
        builder.Property(s => s.EndedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.TenantId, s.SubjectKind, s.SubjectId });
    }
}

/// <summary>service_items: the dated service catalogue.</summary>
internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.ToTable("service_items", t =>
        {
            t.HasCheckConstraint("ck_service_items_category",
                $"category IN ({string.Join(", ", LineCategories.All.Select(c => $"'{c}'"))})");
            t.HasCheckConstraint("ck_service_items_validity", "valid_to IS NULL OR valid_to >= valid_from");
            t.HasCheckConstraint("ck_service_items_price", "price IS NULL OR price >= 0");
        });
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Category).HasMaxLength(16);
        builder.Property(i => i.Unit).HasMaxLength(16);
        builder.Property(i => i.Price).HasPrecision(18, 2);
        builder.Property(i => i.RequiredQualification).HasMaxLength(16);
        builder.Property(i => i.NationalCode).HasMaxLength(ServiceItem.NationalCodeLength);
        builder.Property(i => i.NationalMapping).HasMaxLength(200);
        builder.HasIndex(i => new { i.TenantId, i.Code, i.ValidFrom }).IsUnique();
    }
}

/// <summary>service_catalogue_versions: one row per imported catalogue file; append-only.</summary>
internal sealed class ServiceCatalogueVersionConfiguration : IEntityTypeConfiguration<ServiceCatalogueVersion>
{
    public void Configure(EntityTypeBuilder<ServiceCatalogueVersion> builder)
    {
        builder.ToTable("service_catalogue_versions");
        builder.HasKey(v => new { v.TenantId, v.Id });
        builder.Property(v => v.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.FileName).HasMaxLength(200);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.HasIndex(v => new { v.TenantId, v.ValidFrom });
    }
}

/// <summary>provider_changes: every change of a provider's or care worker's entry; append-only.</summary>
internal sealed class ProviderChangeConfiguration : IEntityTypeConfiguration<ProviderChange>
{
    public void Configure(EntityTypeBuilder<ProviderChange> builder)
    {
        builder.ToTable("provider_changes");
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => new { c.TenantId, c.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_provider_changes_institution");
        builder.Property(c => c.Field).HasMaxLength(32);
        builder.Property(c => c.Before).HasColumnName("before_value").HasMaxLength(500);
        builder.Property(c => c.After).HasColumnName("after_value").HasMaxLength(500);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.TenantId, c.InstitutionId, c.ChangedAt });
    }
}
