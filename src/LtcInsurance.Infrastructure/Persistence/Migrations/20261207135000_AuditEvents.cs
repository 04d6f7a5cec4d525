using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The audit trail (issue #14 item 2; issue #16 item 4): <c>audit_events</c>, one row per command sent through the
/// sender (who, what, when, from where, the request's values, before and after where the use case knows them, the
/// outcome) and per view or export of full personal data. A tenant table under row-level security (FORCE); the
/// application role may read and insert only, and a trigger, which binds the owner too, refuses every UPDATE, DELETE and
/// TRUNCATE (as <c>person_changes</c>).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207135000_AuditEvents")]
public sealed class AuditEvents : Migration
{
    internal const string AuditTrailAppendOnly = "the audit trail is append-only";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE audit_events (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                occurred_at timestamp with time zone NOT NULL,
                kind character varying(16) NOT NULL,
                action character varying(128) NOT NULL,
                outcome character varying(16) NOT NULL,
                user_name character varying(256) NOT NULL,
                user_id character varying(256) NULL,
                client_address character varying(64) NULL,
                api_key_id character varying(64) NULL,
                entity_type character varying(64) NULL,
                entity_id character varying(128) NULL,
                request character varying(4000) NULL,
                before_value character varying(4000) NULL,
                after_value character varying(4000) NULL,
                row_count bigint NULL,
                message character varying(1000) NULL,
                CONSTRAINT pk_audit_events PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_audit_events_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_audit_events_kind CHECK (kind IN ('change', 'view', 'export')),
                CONSTRAINT ck_audit_events_outcome CHECK (outcome IN ('succeeded', 'refused', 'forbidden', 'failed'))
            );
            CREATE INDEX ix_audit_events_tenant_id_occurred_at ON audit_events (tenant_id, occurred_at);
            CREATE INDEX ix_audit_events_tenant_id_user_name_occurred_at ON audit_events (tenant_id, user_name, occurred_at);
            CREATE INDEX ix_audit_events_tenant_id_entity_type_entity_id ON audit_events (tenant_id, entity_type, entity_id);
            """);
        migrationBuilder.EnableAppendOnly("audit_events", AuditTrailAppendOnly);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE audit_events;
            DROP FUNCTION audit_events_append_only();
            """);
    }
}
