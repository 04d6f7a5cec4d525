using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Supervision;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Supervision;

/// <summary>anomaly_flags (migration 20261207136000_Supervision): what the anomaly rules found.</summary>
internal sealed class AnomalyFlagConfiguration : IEntityTypeConfiguration<AnomalyFlag>
{
    public void Configure(EntityTypeBuilder<AnomalyFlag> builder)
    {
        builder.ToTable("anomaly_flags", t =>
        {
            t.HasCheckConstraint("ck_anomaly_flags_status", "status IN ('open', 'confirmed', 'dismissed', 'recovered')");
            t.HasCheckConstraint("ck_anomaly_flags_source", "source IN ('submission', 'nightly', 'manual')");
        });
        builder.HasKey(f => new { f.TenantId, f.Id });
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(f => new { f.TenantId, f.ClaimId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_anomaly_flags_claim");
        builder.HasOne<Institution>().WithMany().HasForeignKey(f => new { f.TenantId, f.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_anomaly_flags_institution");
        builder.HasOne<Sanction>().WithMany().HasForeignKey(f => new { f.TenantId, f.SanctionId })
            .HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_anomaly_flags_sanction");
        builder.Property(f => f.RuleCode).HasMaxLength(64);
        builder.Property(f => f.Clause).HasMaxLength(300);
        builder.Property(f => f.SubjectKind).HasMaxLength(32);
        builder.Property(f => f.Fingerprint).HasMaxLength(200);
        builder.Property(f => f.Evidence).HasColumnType("jsonb");
        builder.Property(f => f.Source).HasMaxLength(16);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.Status).HasMaxLength(16);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.TenantId, f.Fingerprint }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.ClaimId });
        builder.HasIndex(f => new { f.TenantId, f.Status, f.CreatedAt });
        builder.HasIndex(f => new { f.TenantId, f.InstitutionId });
    }
}

/// <summary>anomaly_flag_outcomes: the auditors' outcomes, append-only.</summary>
internal sealed class FlagOutcomeConfiguration : IEntityTypeConfiguration<FlagOutcome>
{
    public void Configure(EntityTypeBuilder<FlagOutcome> builder)
    {
        builder.ToTable("anomaly_flag_outcomes", t =>
            t.HasCheckConstraint("ck_anomaly_flag_outcomes_outcome", "outcome IN ('confirmed', 'dismissed', 'recovered')"));
        builder.HasKey(o => new { o.TenantId, o.Id });
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AnomalyFlag>().WithMany().HasForeignKey(o => new { o.TenantId, o.FlagId })
            .HasPrincipalKey(f => new { f.TenantId, f.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_anomaly_flag_outcomes_flag");
        builder.Property(o => o.Outcome).HasMaxLength(16);
        builder.Property(o => o.Note).HasMaxLength(1000);
        builder.Property(o => o.RecordedBy).HasMaxLength(256);
        builder.HasIndex(o => new { o.TenantId, o.FlagId });
    }
}
