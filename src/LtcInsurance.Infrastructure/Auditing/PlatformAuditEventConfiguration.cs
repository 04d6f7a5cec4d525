using LtcInsurance.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Auditing;

internal sealed class PlatformAuditEventConfiguration : IEntityTypeConfiguration<PlatformAuditEvent>
{
    public void Configure(EntityTypeBuilder<PlatformAuditEvent> builder)
    {
        builder.ToTable("platform_audit_events", t =>
        {
            t.HasCheckConstraint("ck_platform_audit_events_kind", "kind IN ('change', 'view', 'export')");
            t.HasCheckConstraint("ck_platform_audit_events_outcome", "outcome IN ('succeeded', 'refused', 'forbidden', 'failed')");
        });
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.UserName, e.OccurredAt });
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Action).HasMaxLength(128);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.UserId).HasMaxLength(256);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.Request).HasMaxLength(AuditEvent.TextLength);
        builder.Property(e => e.BeforeValue).HasMaxLength(AuditEvent.TextLength);
        builder.Property(e => e.AfterValue).HasMaxLength(AuditEvent.TextLength);
        builder.Property(e => e.Message).HasMaxLength(1000);
    }
}
