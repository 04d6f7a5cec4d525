using LtcInsurance.Domain.Auditing;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Auditing;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        AuditLineColumns.Configure(builder, "audit_events");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.UserName, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.EntityType, e.EntityId });
        builder.Property(e => e.ApiKeyId).HasMaxLength(AuditEvent.ApiKeyIdLength);
    }
}
