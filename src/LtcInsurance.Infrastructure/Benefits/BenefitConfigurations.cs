using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Benefits;

/// <summary>entitlements (migration 20261207120000_Entitlements): entitlements to benefits after a qualifying conclusion.</summary>
internal sealed class BenefitEntitlementConfiguration : IEntityTypeConfiguration<BenefitEntitlement>
{
    public void Configure(EntityTypeBuilder<BenefitEntitlement> builder)
    {
        builder.ToTable("entitlements", t =>
        {
            t.HasCheckConstraint("ck_entitlements_dates", "\"to\" IS NULL OR \"to\" >= \"from\" - 1");
            t.HasCheckConstraint("ck_entitlements_end_reason", "end_reason IS NULL OR end_reason IN ('death', 'insurance_lost', 'new_conclusion')");
        });
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(e => new { e.TenantId, e.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_entitlements_person");
        builder.HasOne<AssessmentApplication>().WithMany().HasForeignKey(e => new { e.TenantId, e.ApplicationId })
            .HasPrincipalKey(a => new { a.TenantId, a.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_entitlements_application");
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => new { e.TenantId, e.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_entitlements_institution");
        builder.Property(e => e.LevelLabel).HasMaxLength(32);
        builder.Property(e => e.ServiceMode).HasMaxLength(32);
        builder.Property(e => e.EndReason).HasMaxLength(32);
        builder.Property(e => e.Trace).HasColumnType("jsonb");
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.PersonId, e.From });
        builder.HasIndex(e => new { e.TenantId, e.ApplicationId });
        builder.HasIndex(e => new { e.TenantId, e.InstitutionId });
        builder.Ignore(e => e.IsEnded);
    }
}

/// <summary>care_plans: care plans (护理服务计划) drafted by the provider and confirmed by the insured.</summary>
internal sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    public void Configure(EntityTypeBuilder<CarePlan> builder)
    {
        builder.ToTable("care_plans", t => t.HasCheckConstraint("ck_care_plans_dates", "\"to\" IS NULL OR \"to\" >= \"from\""));
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BenefitEntitlement>().WithMany().HasForeignKey(p => new { p.TenantId, p.EntitlementId })
            .HasPrincipalKey(e => new { e.TenantId, e.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_care_plans_entitlement");
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => new { p.TenantId, p.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_care_plans_institution");
        builder.Property(p => p.DraftedBy).HasMaxLength(256);
        builder.Property(p => p.ConfirmationRecordedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.TenantId, p.EntitlementId });
        builder.HasIndex(p => new { p.TenantId, p.InstitutionId });
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => new { i.TenantId, i.CarePlanId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_care_plan_items_care_plan");
        builder.Navigation(p => p.Items).HasField("_items");
        builder.Ignore(p => p.IsConfirmed);
    }
}

/// <summary>care_plan_items: the service items of a care plan with frequency and duration.</summary>
internal sealed class CarePlanItemConfiguration : IEntityTypeConfiguration<CarePlanItem>
{
    public void Configure(EntityTypeBuilder<CarePlanItem> builder)
    {
        builder.ToTable("care_plan_items", t =>
        {
            t.HasCheckConstraint("ck_care_plan_items_frequency", "frequency > 0 AND frequency_unit IN ('week', 'month')");
            t.HasCheckConstraint("ck_care_plan_items_duration", "duration_minutes IS NULL OR duration_minutes > 0");
        });
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.ItemCode).HasMaxLength(64);
        builder.Property(i => i.FrequencyUnit).HasMaxLength(8);
        builder.HasIndex(i => new { i.TenantId, i.CarePlanId });
    }
}

/// <summary>hospital_stays: hospital admissions and discharges of insured people.</summary>
internal sealed class HospitalStayRecordConfiguration : IEntityTypeConfiguration<HospitalStayRecord>
{
    public void Configure(EntityTypeBuilder<HospitalStayRecord> builder)
    {
        builder.ToTable("hospital_stays", t => t.HasCheckConstraint("ck_hospital_stays_dates", "discharged IS NULL OR discharged >= admitted"));
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(s => new { s.TenantId, s.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_hospital_stays_person");
        builder.Property(s => s.Hospital).HasMaxLength(200);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.Property(s => s.DischargeRecordedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.TenantId, s.PersonId, s.Admitted });
    }
}
