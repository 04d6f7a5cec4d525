using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Contributions;

internal sealed class ContributionTransferConfiguration : IEntityTypeConfiguration<ContributionTransfer>
{
    public void Configure(EntityTypeBuilder<ContributionTransfer> builder)
    {
        builder.ToTable("payer_transfers");
        builder.HasKey(t => new { t.TenantId, t.Id });
        builder.Property(t => t.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        // A transfer is recorded once; recording it again finds this row.
        builder.HasIndex(t => new { t.TenantId, t.Reference }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.Period, t.Payer });
        builder.Property(t => t.Reference).HasMaxLength(64);
        builder.Property(t => t.Period).HasMaxLength(7);
        builder.Property(t => t.Payer).HasMaxLength(32);
        builder.Property(t => t.Amount).HasPrecision(18, 2);
        builder.Property(t => t.RecordedBy).HasMaxLength(256);
        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.TransferId })
            .HasPrincipalKey(t => new { t.TenantId, t.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Lines).HasField("_lines");
    }
}

internal sealed class ContributionTransferLineConfiguration : IEntityTypeConfiguration<ContributionTransferLine>
{
    public void Configure(EntityTypeBuilder<ContributionTransferLine> builder)
    {
        builder.ToTable("payer_transfer_lines");
        builder.HasKey(l => new { l.TenantId, l.TransferId, l.RegionCode });
        builder.Property(l => l.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

internal sealed class CollectionImportConfiguration : IEntityTypeConfiguration<CollectionImport>
{
    public void Configure(EntityTypeBuilder<CollectionImport> builder)
    {
        builder.ToTable("collection_imports");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Format).HasMaxLength(8);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.RecordedAmount).HasPrecision(18, 2);
        builder.Property(i => i.Message).HasMaxLength(500);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class CollectionImportErrorConfiguration : IEntityTypeConfiguration<CollectionImportError>
{
    public void Configure(EntityTypeBuilder<CollectionImportError> builder)
    {
        builder.ToTable("collection_import_errors");
        builder.HasKey(e => new { e.TenantId, e.ImportId, e.RowNumber });
        builder.Property(e => e.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        // Values as read from the file (they may be anything); the message is ours.
        builder.Property(e => e.Message).HasMaxLength(500);
    }
}
