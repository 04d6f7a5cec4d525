using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The audit trail of callers with no city (issue #16 item 4): <c>platform_audit_events</c>, the columns of
/// <c>audit_events</c> without the tenant. A platform table (like <c>users</c>): it belongs to no city, so it has no
/// <c>tenant_id</c> and no row-level security; the application role may read and insert only, and a trigger, which
/// binds the owner too, refuses every UPDATE, DELETE and TRUNCATE.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207141000_PlatformAuditEvents")]
public sealed class PlatformAuditEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE platform_audit_events (
                id uuid NOT NULL,
                occurred_at timestamp with time zone NOT NULL,
                kind character varying(16) NOT NULL,
                action character varying(128) NOT NULL,
                outcome character varying(16) NOT NULL,
                user_name character varying(256) NOT NULL,
                user_id character varying(256) NULL,
                client_address character varying(64) NULL,
                entity_type character varying(64) NULL,
                entity_id character varying(128) NULL,
                request character varying(4000) NULL,
                before_value character varying(4000) NULL,
                after_value character varying(4000) NULL,
                row_count bigint NULL,
                message character varying(1000) NULL,
                CONSTRAINT pk_platform_audit_events PRIMARY KEY (id),
                CONSTRAINT ck_platform_audit_events_kind CHECK (kind IN ('change', 'view', 'export')),
                CONSTRAINT ck_platform_audit_events_outcome CHECK (outcome IN ('succeeded', 'refused', 'forbidden', 'failed'))
            );
            CREATE INDEX ix_platform_audit_events_occurred_at ON platform_audit_events (occurred_at);
            CREATE INDEX ix_platform_audit_events_user_name_occurred_at ON platform_audit_events (user_name, occurred_at);
            """);
        migrationBuilder.EnablePlatformAppendOnly("platform_audit_events", AuditEvents.AuditTrailAppendOnly);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE platform_audit_events;
            DROP FUNCTION platform_audit_events_append_only();
            """);
    }
}
