using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// User administration per city (issue #11, item 4).
/// <list type="bullet">
/// <item><c>users.agency_code</c>: an assessor's assessment agency (a code until issue #12 brings the agencies);
/// <c>users.deactivated_at</c>: when an admin deactivated the user (who never signs in again; the row stays).</item>
/// <item><c>user_admin_actions</c>: who did what to which user, when. A tenant table under row-level security (FORCE);
/// the application role reads and inserts only, and a trigger, which binds the owner too, refuses every UPDATE, DELETE
/// and TRUNCATE.</item>
/// </list>
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207061000_UserAdminActions")]
public sealed class UserAdminActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE users
                ADD COLUMN agency_code character varying(32) NULL,
                ADD COLUMN deactivated_at timestamp with time zone NULL;

            CREATE TABLE user_admin_actions (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                user_id uuid NOT NULL,
                user_name character varying(256) NOT NULL,
                action character varying(32) NOT NULL,
                detail character varying(500) NOT NULL,
                acted_by character varying(256) NOT NULL,
                acted_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_user_admin_actions PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_user_admin_actions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_user_admin_actions_action CHECK (action IN ('create', 'reset_password', 'lock', 'unlock', 'deactivate', 'change_role'))
            );
            CREATE INDEX ix_user_admin_actions_tenant_id_user_id_acted_at ON user_admin_actions (tenant_id, user_id, acted_at);
            """);
        migrationBuilder.EnableAppendOnly("user_admin_actions", "the history of user administration is append-only");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE user_admin_actions;
            DROP FUNCTION user_admin_actions_append_only();
            ALTER TABLE users DROP COLUMN deactivated_at, DROP COLUMN agency_code;
            """);
    }
}
