using LtcInsurance.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Auditing;

internal sealed class PlatformAuditEventConfiguration : IEntityTypeConfiguration<PlatformAuditEvent>
{
    public void Configure(EntityTypeBuilder<PlatformAuditEvent> builder)
    {
        AuditLineColumns.Configure(builder, "platform_audit_events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.UserName, e.OccurredAt });
    }
}
