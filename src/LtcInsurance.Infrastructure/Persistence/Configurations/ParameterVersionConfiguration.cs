using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

/// <summary>parameter_versions (migration 20261207000000_ParameterVersions): a tenant's parameter versions, never rewritten.</summary>
internal sealed class ParameterVersionConfiguration : IEntityTypeConfiguration<StoredParameterVersion>
{
    public void Configure(EntityTypeBuilder<StoredParameterVersion> builder)
    {
        builder.ToTable("parameter_versions", t =>
        {
            t.HasCheckConstraint("ck_parameter_versions_status",
                $"status IN ('{StoredParameterVersion.Proposed}', '{StoredParameterVersion.Approved}', '{StoredParameterVersion.Rejected}')");
            t.HasCheckConstraint("ck_parameter_versions_decision",
                $"(status = '{StoredParameterVersion.Proposed}') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)");
            t.HasCheckConstraint("ck_parameter_versions_effective", "effective_to IS NULL OR effective_to >= effective_from");
            t.HasCheckConstraint("ck_parameter_versions_version", "version >= 1");
        });
        builder.HasKey(v => new { v.TenantId, v.Name, v.Version });
        builder.Property(v => v.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Value).HasMaxLength(2000);
        builder.Property(v => v.Unit).HasMaxLength(64);
        builder.Property(v => v.SourceDocument).HasMaxLength(200);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.ProposedBy).HasMaxLength(256);
        builder.Property(v => v.Status).HasMaxLength(16);
        builder.Property(v => v.DecidedBy).HasMaxLength(256);
        builder.Property(v => v.DecisionNote).HasMaxLength(1000);
        builder.HasIndex(v => new { v.TenantId, v.Status });
    }
}
