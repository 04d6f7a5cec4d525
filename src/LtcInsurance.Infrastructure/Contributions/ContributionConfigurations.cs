using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Contributions;

internal sealed class ContributionBillConfiguration : IEntityTypeConfiguration<ContributionBill>
{
    public void Configure(EntityTypeBuilder<ContributionBill> builder)
    {
        builder.ToTable("contribution_bills");
        builder.HasKey(b => new { b.TenantId, b.Id });
        builder.Property(b => b.TenantId).HasMaxLength(32);
        // No foreign key of its own to tenants: the person's (tenant_id, person_id) implies it (ADR 0008).
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(b => new { b.TenantId, b.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        // One bill per person and period: the billing run's no-duplicates guarantee lives in the database.
        builder.HasIndex(b => new { b.TenantId, b.Period, b.PersonId }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.PersonId });
        // From a billing entry to the bills it booked (migration BillEntryIndex).
        builder.HasIndex(b => new { b.TenantId, b.JournalSequence }).HasFilter("journal_sequence IS NOT NULL");
        builder.Property(b => b.Period).HasMaxLength(7);
        builder.Property(b => b.Scheme).HasMaxLength(16);
        builder.Property(b => b.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(b => b.Total).HasPrecision(18, 2);
        builder.Property(b => b.IndividualDue).HasPrecision(18, 2);
        // lz4: each bill's trace is compressed when written, lz4 several times faster than pglz (migration BillTraceLz4).
        builder.Property(b => b.Trace).HasColumnType("jsonb").UseCompressionMethod("lz4");
        builder.HasMany(b => b.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.BillId })
            .HasPrincipalKey(b => new { b.TenantId, b.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Payments).WithOne().HasForeignKey(p => new { p.TenantId, p.BillId })
            .HasPrincipalKey(b => new { b.TenantId, b.Id }).OnDelete(DeleteBehavior.Restrict);
        // The aggregate keeps its lines and receipts in private lists; EF reads and writes those.
        builder.Navigation(b => b.Lines).HasField("_lines");
        builder.Navigation(b => b.Payments).HasField("_payments");
        builder.Ignore(b => b.Outstanding);
    }
}

internal sealed class ContributionBillLineConfiguration : IEntityTypeConfiguration<ContributionBillLine>
{
    public void Configure(EntityTypeBuilder<ContributionBillLine> builder)
    {
        builder.ToTable("contribution_bill_lines");
        builder.HasKey(l => new { l.TenantId, l.BillId, l.Payer });
        builder.Property(l => l.TenantId).HasMaxLength(32);
        // No foreign key of its own to tenants: the bill's (tenant_id, bill_id) implies it (ADR 0008).
        builder.Property(l => l.Payer).HasMaxLength(32);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

internal sealed class ContributionPaymentConfiguration : IEntityTypeConfiguration<ContributionPayment>
{
    public void Configure(EntityTypeBuilder<ContributionPayment> builder)
    {
        builder.ToTable("contribution_payments");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        // The relationship to the bill (restrict on delete) is configured with the bill's receipts.
        // A receipt is recorded once; recording it again finds this row.
        builder.HasIndex(p => new { p.TenantId, p.Reference }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.BillId });
        builder.Property(p => p.Reference).HasMaxLength(64);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.Property(p => p.Method).HasMaxLength(32);
    }
}

internal sealed class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> builder)
    {
        builder.ToTable("billing_runs");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.Period });
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.RunBy).HasMaxLength(256);
        builder.Property(r => r.Reasons).HasColumnType("jsonb");
    }
}
