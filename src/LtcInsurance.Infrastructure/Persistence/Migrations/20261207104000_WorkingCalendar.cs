using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// A tenant's working calendar (issue #12, item 2).
/// <list type="bullet">
/// <item><c>calendar_days</c>: one row per exception day, a public holiday (<c>holiday</c>) or a 调休 make-up working day
/// (<c>workday</c>), with its name and who last set it. The application role reads, inserts, updates and deletes.</item>
/// <item><c>calendar_changes</c>: every set, removal and import, with who and when. Append-only: the application role
/// reads and inserts; a trigger, which binds the owner too, refuses UPDATE, DELETE and TRUNCATE.</item>
/// </list>
/// Both under row-level security (FORCE).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207104000_WorkingCalendar")]
public sealed class WorkingCalendar : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE calendar_days (
                tenant_id character varying(32) NOT NULL,
                day date NOT NULL,
                kind character varying(16) NOT NULL,
                name character varying(50) NOT NULL,
                changed_by character varying(256) NOT NULL,
                changed_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_calendar_days PRIMARY KEY (tenant_id, day),
                CONSTRAINT fk_calendar_days_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'workday'))
            );

            CREATE TABLE calendar_changes (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                day date NOT NULL,
                action character varying(16) NOT NULL,
                kind character varying(16),
                name character varying(50) NOT NULL,
                acted_by character varying(256) NOT NULL,
                acted_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_calendar_changes PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_calendar_changes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_calendar_changes_action CHECK (action IN ('set', 'remove', 'import')),
                CONSTRAINT ck_calendar_changes_kind CHECK (kind IS NULL OR kind IN ('holiday', 'workday'))
            );
            CREATE INDEX ix_calendar_changes_tenant_id_day ON calendar_changes (tenant_id, day);
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("calendar_days");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE, DELETE", "calendar_days");
        migrationBuilder.EnableAppendOnly("calendar_changes", "the history of the working calendar is append-only");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE calendar_changes;
            DROP TABLE calendar_days;
            DROP FUNCTION calendar_changes_append_only();
            """);
    }
}
