using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>ledger_account_changes (migration Accountability): who added or renamed which account.</summary>
internal sealed class LedgerAccountChangeConfiguration : IEntityTypeConfiguration<LedgerAccountChangeRecord>
{
    public void Configure(EntityTypeBuilder<LedgerAccountChangeRecord> builder)
    {
        builder.ToTable("ledger_account_changes", t => t.HasCheckConstraint("ck_ledger_account_changes_change",
            $"change IN ('{LedgerAccountChangeRecord.Added}', '{LedgerAccountChangeRecord.Renamed}')"));
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.AccountCode });
        builder.Property(c => c.AccountCode).HasMaxLength(64);
        builder.Property(c => c.Change).HasMaxLength(16);
        builder.Property(c => c.OldName).HasMaxLength(200);
        builder.Property(c => c.NewName).HasMaxLength(200);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
    }
}
