using LtcInsurance.Domain.Jobs;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Jobs;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("background_jobs");
        builder.HasKey(j => new { j.TenantId, j.Id });
        builder.Property(j => j.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(j => j.Kind).HasMaxLength(32);
        builder.Property(j => j.Payload).HasColumnType("jsonb");
        builder.Property(j => j.Result).HasColumnType("jsonb");
        builder.Property(j => j.Status).HasConversion(new EnumText<BackgroundJobStatus>()).HasMaxLength(16);
        builder.Property(j => j.LockedBy).HasMaxLength(100);
        builder.Property(j => j.Message).HasMaxLength(500);
        builder.Property(j => j.CreatedBy).HasMaxLength(100);
        builder.HasIndex(j => new { j.TenantId, j.Status, j.CreatedAt }).HasDatabaseName("ix_background_jobs_status");
    }
}

internal sealed class BackgroundJobFileConfiguration : IEntityTypeConfiguration<BackgroundJobFile>
{
    public void Configure(EntityTypeBuilder<BackgroundJobFile> builder)
    {
        builder.ToTable("background_job_files");
        builder.HasKey(f => new { f.TenantId, f.JobId });
        builder.Property(f => f.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BackgroundJob>().WithMany().HasForeignKey(f => new { f.TenantId, f.JobId })
            .HasPrincipalKey(j => new { j.TenantId, j.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.FileName).HasMaxLength(260);
    }
}
