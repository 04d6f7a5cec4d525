using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Ledger;

// EF mappings of the ledger tables. LedgerMigration creates the tables by hand (plus triggers, grants and
// row-level security, which EF does not model); keys, foreign keys, indexes and checks are repeated here so that
// the schema-equality test can hold the two to each other. tenant_id leads every key (architecture: Tenancy).

internal static class LedgerChecks
{
    public const string Period = "^[0-9]{4}-(0[1-9]|1[0-2])$";
}

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccountRecord>
{
    public void Configure(EntityTypeBuilder<LedgerAccountRecord> b)
    {
        b.ToTable("ledger_accounts", t =>
            t.HasCheckConstraint("ck_ledger_accounts_type", "type IN ('asset', 'liability', 'income', 'expense', 'equity')"));
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasKey(a => new { a.TenantId, a.Code });
        b.Property(a => a.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(a => a.Code).HasColumnName("code").HasMaxLength(64);
        b.Property(a => a.Name).HasColumnName("name").HasMaxLength(200);
        b.Property(a => a.Type).HasColumnName("type").HasMaxLength(16);
        b.Property(a => a.RegionCode).HasColumnName("region_code").HasMaxLength(32);
    }
}

internal sealed class LedgerPeriodConfiguration : IEntityTypeConfiguration<LedgerPeriodRecord>
{
    public void Configure(EntityTypeBuilder<LedgerPeriodRecord> b)
    {
        b.ToTable("ledger_periods", t =>
            t.HasCheckConstraint("ck_ledger_periods_period", $"period ~ '{LedgerChecks.Period}'"));
        b.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasKey(p => new { p.TenantId, p.Period });
        b.Property(p => p.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(p => p.Period).HasColumnName("period").HasMaxLength(7);
        b.Property(p => p.ClosedAt).HasColumnName("closed_at");
    }
}

internal sealed class LedgerChainHeadConfiguration : IEntityTypeConfiguration<LedgerChainHeadRecord>
{
    public void Configure(EntityTypeBuilder<LedgerChainHeadRecord> b)
    {
        b.ToTable("ledger_chain_heads", t =>
            t.HasCheckConstraint("ck_ledger_chain_heads_last_sequence", "last_sequence >= 0"));
        b.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasKey(h => h.TenantId);
        b.Property(h => h.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(h => h.LastSequence).HasColumnName("last_sequence");
        b.Property(h => h.LastHash).HasColumnName("last_hash").HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRecord>
{
    public void Configure(EntityTypeBuilder<JournalEntryRecord> b)
    {
        b.ToTable("journal_entries", t =>
        {
            t.HasCheckConstraint("ck_journal_entries_sequence", "sequence >= 1");
            t.HasCheckConstraint("ck_journal_entries_period", $"period ~ '{LedgerChecks.Period}'");
            t.HasCheckConstraint("ck_journal_entries_original_period", $"original_period ~ '{LedgerChecks.Period}'");
            t.HasCheckConstraint("ck_journal_entries_source_type",
                "source_type IN ('bill', 'claim', 'settlement', 'fee', 'closing')");
            t.HasCheckConstraint("ck_journal_entries_reverses_earlier", "reverses < sequence");
        });
        b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JournalEntryRecord>().WithMany().HasForeignKey(e => new { e.TenantId, e.Reverses })
            .HasConstraintName("fk_journal_entries_reverses").OnDelete(DeleteBehavior.Restrict);
        b.HasKey(e => new { e.TenantId, e.Sequence });
        b.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        b.Property(e => e.BusinessDate).HasColumnName("business_date");
        b.Property(e => e.Period).HasColumnName("period").HasMaxLength(7);
        b.Property(e => e.OriginalPeriod).HasColumnName("original_period").HasMaxLength(7);
        b.Property(e => e.Description).HasColumnName("description").HasMaxLength(500);
        b.Property(e => e.SourceType).HasColumnName("source_type").HasMaxLength(16);
        b.Property(e => e.SourceReference).HasColumnName("source_reference").HasMaxLength(200);
        b.Property(e => e.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(200);
        b.Property(e => e.Reverses).HasColumnName("reverses");
        b.Property(e => e.RecordedAt).HasColumnName("recorded_at");
        b.Property(e => e.RecordedBy).HasColumnName("recorded_by").HasMaxLength(256);
        b.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => new { e.TenantId, e.IdempotencyKey }).IsUnique().HasDatabaseName("ux_journal_entries_idempotency_key");
        b.HasIndex(e => new { e.TenantId, e.Reverses }).IsUnique().HasDatabaseName("ux_journal_entries_reverses");
        b.HasMany(e => e.Postings).WithOne().HasForeignKey(p => new { p.TenantId, p.Sequence })
            .HasConstraintName("fk_journal_postings_entry").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalPostingConfiguration : IEntityTypeConfiguration<JournalPostingRecord>
{
    public void Configure(EntityTypeBuilder<JournalPostingRecord> b)
    {
        b.ToTable("journal_postings", t =>
        {
            t.HasCheckConstraint("ck_journal_postings_line", "line >= 1");
            t.HasCheckConstraint("ck_journal_postings_side", "side IN ('D', 'C')");
            t.HasCheckConstraint("ck_journal_postings_amount", "amount > 0");
        });
        // No foreign key of its own to tenants: the entry's (tenant_id, sequence) implies it (ADR 0008).
        b.HasOne<LedgerAccountRecord>().WithMany().HasForeignKey(p => new { p.TenantId, p.AccountCode })
            .HasConstraintName("fk_journal_postings_account").OnDelete(DeleteBehavior.Restrict);
        b.HasKey(p => new { p.TenantId, p.Sequence, p.Line });
        b.Property(p => p.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(p => p.Sequence).HasColumnName("sequence");
        b.Property(p => p.Line).HasColumnName("line").ValueGeneratedNever();
        b.Property(p => p.AccountCode).HasColumnName("account_code").HasMaxLength(64);
        b.Property(p => p.Side).HasColumnName("side").HasMaxLength(1).IsFixedLength();
        b.Property(p => p.Amount).HasColumnName("amount").HasPrecision(18, 2);
        b.HasIndex(p => new { p.TenantId, p.AccountCode }).HasDatabaseName("ix_journal_postings_account");
    }
}

internal sealed class LedgerBalanceConfiguration : IEntityTypeConfiguration<LedgerBalanceRecord>
{
    public void Configure(EntityTypeBuilder<LedgerBalanceRecord> b)
    {
        b.ToTable("ledger_balances");
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasKey(x => new { x.TenantId, x.Period, x.SourceType, x.AccountCode, x.Side });
        b.Property(x => x.TenantId).HasColumnName("tenant_id").HasMaxLength(32);
        b.Property(x => x.Period).HasColumnName("period").HasMaxLength(7);
        b.Property(x => x.SourceType).HasColumnName("source_type").HasMaxLength(16);
        b.Property(x => x.AccountCode).HasColumnName("account_code").HasMaxLength(64);
        b.Property(x => x.Side).HasColumnName("side").HasMaxLength(1).IsFixedLength();
        b.Property(x => x.Amount).HasColumnName("amount").HasPrecision(20, 2);
        b.Property(x => x.Lines).HasColumnName("lines");
    }
}
