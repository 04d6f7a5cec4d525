using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Persistence.Configurations;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Import;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.HasKey(j => new { j.TenantId, j.Id });
        builder.Property(j => j.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Format).HasMaxLength(8);
        builder.Property(j => j.Status).HasConversion(new EnumText<ImportJobStatus>()).HasMaxLength(16);
        builder.Property(j => j.Message).HasMaxLength(500);
        builder.Property(j => j.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> builder)
    {
        builder.ToTable("import_rows");
        builder.HasKey(r => new { r.TenantId, r.JobId, r.RowNumber });
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(r => new { r.TenantId, r.JobId })
            .HasPrincipalKey(j => new { j.TenantId, j.Id }).OnDelete(DeleteBehavior.Cascade);
        // Staged values are the file's text until validated, so no lengths are imposed here.
    }
}
