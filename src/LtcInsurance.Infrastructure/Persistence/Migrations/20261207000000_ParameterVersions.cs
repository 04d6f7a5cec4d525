using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// A tenant's policy parameters with their history (issue #10): <c>parameter_versions</c>, one row per proposed version
/// (tenant, name, version). Row-level security (FORCE) like every tenant table. The application role reads and inserts,
/// and may update only the decision columns; a trigger, which binds the owner too, lets an update through only when it
/// moves a proposed row to approved or rejected once, by someone other than its proposer, and changes nothing else. Rows
/// are never deleted (trigger, also on TRUNCATE).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207000000_ParameterVersions")]
public sealed class ParameterVersions : Migration
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            CREATE TABLE parameter_versions (
                tenant_id character varying(32) NOT NULL,
                name character varying(100) NOT NULL,
                version integer NOT NULL,
                value character varying(2000) NOT NULL,
                effective_from date NOT NULL,
                effective_to date,
                unit character varying(64) NOT NULL,
                source_document character varying(200) NOT NULL,
                reason character varying(1000) NOT NULL,
                proposed_by character varying(256) NOT NULL,
                proposed_at timestamp with time zone NOT NULL,
                status character varying(16) NOT NULL,
                decided_by character varying(256),
                decided_at timestamp with time zone,
                decision_note character varying(1000),
                demo boolean NOT NULL,
                CONSTRAINT pk_parameter_versions PRIMARY KEY (tenant_id, name, version),
                CONSTRAINT fk_parameter_versions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_parameter_versions_status CHECK (status IN ('proposed', 'approved', 'rejected')),
                CONSTRAINT ck_parameter_versions_decision CHECK ((status = 'proposed') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
                CONSTRAINT ck_parameter_versions_effective CHECK (effective_to IS NULL OR effective_to >= effective_from),
                CONSTRAINT ck_parameter_versions_version CHECK (version >= 1)
            );
            CREATE INDEX ix_parameter_versions_tenant_id_status ON parameter_versions (tenant_id, status);

            REVOKE ALL ON parameter_versions FROM PUBLIC, {{ApplicationRole}};
            GRANT SELECT, INSERT ON parameter_versions TO {{ApplicationRole}};
            GRANT UPDATE (status, decided_by, decided_at, decision_note) ON parameter_versions TO {{ApplicationRole}};

            CREATE FUNCTION parameter_versions_decide_once() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    IF OLD.status = 'proposed' AND NEW.status IN ('approved', 'rejected')
                       AND NEW.decided_by IS NOT NULL AND NEW.decided_at IS NOT NULL
                       AND lower(NEW.decided_by) <> lower(OLD.proposed_by)
                       AND (to_jsonb(NEW) - 'status' - 'decided_by' - 'decided_at' - 'decision_note')
                         = (to_jsonb(OLD) - 'status' - 'decided_by' - 'decided_at' - 'decision_note') THEN
                        RETURN NEW;
                    END IF;
                END IF;
                RAISE EXCEPTION 'parameter_versions: % refused (a proposed version is approved or rejected once, by another admin; values are never rewritten)', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;

            CREATE TRIGGER parameter_versions_decided_once BEFORE UPDATE OR DELETE ON parameter_versions
                FOR EACH ROW EXECUTE FUNCTION parameter_versions_decide_once();
            CREATE TRIGGER parameter_versions_no_truncate BEFORE TRUNCATE ON parameter_versions
                FOR EACH STATEMENT EXECUTE FUNCTION parameter_versions_decide_once();
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("parameter_versions");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE parameter_versions;
            DROP FUNCTION parameter_versions_decide_once();
            """);
    }
}
