using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Claims;

/// <summary>claims (migration 20261207123000_Claims): providers' monthly claims on the four steps.</summary>
internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public const string StandingFilter = "status IN ('submitted', 'first_reviewed', 'second_reviewed', 'approved', 'paid')";

    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("claims", t =>
        {
            t.HasCheckConstraint("ck_claims_status",
                "status IN ('submitted', 'first_reviewed', 'second_reviewed', 'approved', 'paid', 'returned', 'withdrawn')");
            t.HasCheckConstraint("ck_claims_separate_reviewers", "second_reviewed_by IS NULL OR second_reviewed_by <> first_reviewed_by");
            t.HasCheckConstraint("ck_claims_separate_approvers", "first_approved_by IS NULL OR approved_by IS NULL OR approved_by <> first_approved_by");
            t.HasCheckConstraint("ck_claims_amounts", "billed >= 0 AND fund >= 0 AND individual >= 0 AND fund + individual = billed");
        });
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => new { c.TenantId, c.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_claims_institution");
        builder.HasOne<PaymentBatch>().WithMany().HasForeignKey(c => new { c.TenantId, c.PaymentBatchId })
            .HasPrincipalKey(b => new { b.TenantId, b.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_claims_payment_batch");
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.ClientKey).HasMaxLength(100);
        builder.Property(c => c.RequestHash).HasMaxLength(64);
        builder.Property(c => c.SubmittedBy).HasMaxLength(256);
        builder.Property(c => c.FirstReviewedBy).HasMaxLength(256);
        builder.Property(c => c.SecondReviewedBy).HasMaxLength(256);
        builder.Property(c => c.FirstApprovedBy).HasMaxLength(256);
        builder.Property(c => c.ApprovedBy).HasMaxLength(256);
        builder.Property(c => c.Billed).HasPrecision(18, 2);
        builder.Property(c => c.Fund).HasPrecision(18, 2);
        builder.Property(c => c.Individual).HasPrecision(18, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.InstitutionId, c.ClientKey }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.InstitutionId, c.ServiceMonth }).IsUnique().HasFilter(StandingFilter)
            .HasDatabaseName("ux_claims_standing_per_month");
        builder.HasIndex(c => new { c.TenantId, c.ServiceMonth, c.Status });
        builder.HasIndex(c => new { c.TenantId, c.PaymentBatchId });
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.ClaimId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_lines_claim");
        builder.HasMany(c => c.Settlements).WithOne().HasForeignKey(s => new { s.TenantId, s.ClaimId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_settlements_claim");
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => new { e.TenantId, e.ClaimId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_events_claim");
        builder.Ignore(c => c.Month);
        builder.Ignore(c => c.IsStanding);
    }
}

/// <summary>claim_lines: a claim's lines with the review's cuts, the engine's amounts and recoveries.</summary>
internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> builder)
    {
        builder.ToTable("claim_lines", t =>
        {
            t.HasCheckConstraint("ck_claim_lines_amounts",
                "quantity > 0 AND amount >= 0 AND amount <= claimed_amount AND fund >= 0 AND individual >= 0 AND fund + individual = amount");
        });
        builder.HasKey(l => new { l.TenantId, l.Id });
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(l => new { l.TenantId, l.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_lines_person");
        builder.HasOne<BenefitEntitlement>().WithMany().HasForeignKey(l => new { l.TenantId, l.EntitlementId })
            .HasPrincipalKey(e => new { e.TenantId, e.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_lines_entitlement");
        builder.HasOne<CareWorker>().WithMany().HasForeignKey(l => new { l.TenantId, l.CareWorkerId })
            .HasPrincipalKey(w => new { w.TenantId, w.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_lines_care_worker");
        builder.HasIndex(l => new { l.TenantId, l.CareWorkerId });
        builder.Property(l => l.ServiceMode).HasMaxLength(32);
        builder.Property(l => l.ItemCode).HasMaxLength(64);
        builder.Property(l => l.Category).HasMaxLength(16);
        builder.Property(l => l.Quantity).HasPrecision(12, 2);
        builder.Property(l => l.ClaimedAmount).HasPrecision(18, 2);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Fund).HasPrecision(18, 2);
        builder.Property(l => l.Individual).HasPrecision(18, 2);
        builder.Property(l => l.AdjustReason).HasMaxLength(500);
        builder.Property(l => l.AdjustedBy).HasMaxLength(256);
        builder.Property(l => l.Rejection).HasMaxLength(32);
        builder.Property(l => l.RecoveryReason).HasMaxLength(500);
        builder.HasIndex(l => new { l.TenantId, l.ClaimId, l.LineNo }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.PersonId, l.Day });
        builder.HasIndex(l => new { l.TenantId, l.EntitlementId });
    }
}

/// <summary>claim_settlements: the engine's settlement of a claim per beneficiary and entitlement, with its trace.</summary>
internal sealed class ClaimSettlementConfiguration : IEntityTypeConfiguration<ClaimSettlement>
{
    public void Configure(EntityTypeBuilder<ClaimSettlement> builder)
    {
        builder.ToTable("claim_settlements");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(s => new { s.TenantId, s.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_settlements_person");
        builder.HasOne<BenefitEntitlement>().WithMany().HasForeignKey(s => new { s.TenantId, s.EntitlementId })
            .HasPrincipalKey(e => new { e.TenantId, e.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_settlements_entitlement");
        builder.Property(s => s.ServiceMode).HasMaxLength(32);
        builder.Property(s => s.YearToDateBefore).HasPrecision(18, 2);
        builder.Property(s => s.EarlierInMonth).HasPrecision(18, 2);
        builder.Property(s => s.Billed).HasPrecision(18, 2);
        builder.Property(s => s.Fund).HasPrecision(18, 2);
        builder.Property(s => s.Individual).HasPrecision(18, 2);
        builder.Property(s => s.Reductions).HasMaxLength(200);
        builder.Property(s => s.Trace).HasColumnType("jsonb");
        builder.HasIndex(s => new { s.TenantId, s.ClaimId });
        builder.HasIndex(s => new { s.TenantId, s.PersonId });
        builder.HasIndex(s => new { s.TenantId, s.EntitlementId });
    }
}

/// <summary>claim_events: append-only history of every claim (who, when, why).</summary>
internal sealed class ClaimEventConfiguration : IEntityTypeConfiguration<ClaimEvent>
{
    public void Configure(EntityTypeBuilder<ClaimEvent> builder)
    {
        builder.ToTable("claim_events");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.FromStatus).HasMaxLength(16);
        builder.Property(e => e.ToStatus).HasMaxLength(16);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.HasIndex(e => new { e.TenantId, e.ClaimId, e.Ordinal }).IsUnique();
    }
}

/// <summary>payment_batches: 拨付 batches.</summary>
internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> builder)
    {
        builder.ToTable("payment_batches", t =>
        {
            t.HasCheckConstraint("ck_payment_batches_status", "status IN ('created', 'paid')");
            t.HasCheckConstraint("ck_payment_batches_amounts", "gross >= 0 AND deducted >= 0 AND deducted <= gross");
        });
        builder.HasKey(b => new { b.TenantId, b.Id });
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Number).HasMaxLength(64);
        builder.Property(b => b.Status).HasMaxLength(16);
        builder.Property(b => b.Gross).HasPrecision(18, 2);
        builder.Property(b => b.Deducted).HasPrecision(18, 2);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.PaidBy).HasMaxLength(256);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.TenantId, b.Number }).IsUnique();
        builder.Ignore(b => b.Net);
    }
}

/// <summary>claim_recoveries: 过误 recoveries of paid lines, deducted from a later batch.</summary>
internal sealed class ClaimRecoveryConfiguration : IEntityTypeConfiguration<ClaimRecovery>
{
    public void Configure(EntityTypeBuilder<ClaimRecovery> builder)
    {
        builder.ToTable("claim_recoveries", t => t.HasCheckConstraint("ck_claim_recoveries_amount", "amount > 0"));
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => new { r.TenantId, r.ClaimId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_recoveries_claim");
        builder.HasOne<ClaimLine>().WithMany().HasForeignKey(r => new { r.TenantId, r.ClaimLineId })
            .HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_recoveries_line");
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => new { r.TenantId, r.InstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_recoveries_institution");
        builder.HasOne<PaymentBatch>().WithMany().HasForeignKey(r => new { r.TenantId, r.DeductedInBatchId })
            .HasPrincipalKey(b => new { b.TenantId, b.Id }).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_claim_recoveries_batch");
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.TenantId, r.ClaimLineId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.ClaimId });
        builder.HasIndex(r => new { r.TenantId, r.InstitutionId });
        builder.HasIndex(r => new { r.TenantId, r.DeductedInBatchId });
    }
}
