using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Supervision (issue #14, item 1):
/// <list type="bullet">
/// <item><c>anomaly_flags</c>: what the anomaly rules found (rule, clause, subject, evidence as jsonb, when and by which run),
/// one flag per finding (unique fingerprint per tenant), with the latest outcome and the sanction it led to;</item>
/// <item><c>anomaly_flag_outcomes</c>: the auditors' outcomes, append-only: SELECT/INSERT for the application role and a
/// trigger refusing UPDATE, DELETE and TRUNCATE.</item>
/// </list>
/// Tenant tables under row-level security (FORCE), tenant_id leading every key.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207136000_Supervision")]
public sealed class Supervision : Migration
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE anomaly_flags (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                rule_code character varying(64) NOT NULL,
                clause character varying(300) NOT NULL,
                subject_kind character varying(32) NOT NULL,
                subject_id uuid NOT NULL,
                claim_id uuid NULL,
                line_no integer NULL,
                institution_id uuid NULL,
                service_month date NULL,
                fingerprint character varying(200) NOT NULL,
                evidence jsonb NOT NULL,
                source character varying(16) NOT NULL,
                created_by character varying(256) NOT NULL,
                created_at timestamp with time zone NOT NULL,
                status character varying(16) NOT NULL,
                sanction_id uuid NULL,
                version integer NOT NULL,
                CONSTRAINT pk_anomaly_flags PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_anomaly_flags_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_anomaly_flags_claim FOREIGN KEY (tenant_id, claim_id) REFERENCES claims (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_anomaly_flags_institution FOREIGN KEY (tenant_id, institution_id) REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_anomaly_flags_sanction FOREIGN KEY (tenant_id, sanction_id) REFERENCES sanctions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_anomaly_flags_status CHECK (status IN ('open', 'confirmed', 'dismissed', 'recovered')),
                CONSTRAINT ck_anomaly_flags_source CHECK (source IN ('submission', 'nightly', 'manual'))
            );
            CREATE UNIQUE INDEX ix_anomaly_flags_tenant_id_fingerprint ON anomaly_flags (tenant_id, fingerprint);
            CREATE INDEX ix_anomaly_flags_tenant_id_claim_id ON anomaly_flags (tenant_id, claim_id);
            CREATE INDEX ix_anomaly_flags_tenant_id_status_created_at ON anomaly_flags (tenant_id, status, created_at);
            CREATE INDEX ix_anomaly_flags_tenant_id_institution_id ON anomaly_flags (tenant_id, institution_id);
            CREATE INDEX ix_anomaly_flags_tenant_id_sanction_id ON anomaly_flags (tenant_id, sanction_id);

            CREATE TABLE anomaly_flag_outcomes (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                flag_id uuid NOT NULL,
                outcome character varying(16) NOT NULL,
                note character varying(1000) NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_anomaly_flag_outcomes PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_anomaly_flag_outcomes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_anomaly_flag_outcomes_flag FOREIGN KEY (tenant_id, flag_id) REFERENCES anomaly_flags (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_anomaly_flag_outcomes_outcome CHECK (outcome IN ('confirmed', 'dismissed', 'recovered'))
            );
            CREATE INDEX ix_anomaly_flag_outcomes_tenant_id_flag_id ON anomaly_flag_outcomes (tenant_id, flag_id);

            CREATE FUNCTION anomaly_flag_outcomes_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION 'anomaly_flag_outcomes: % refused (the outcomes of a flag are append-only)', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;
            CREATE TRIGGER anomaly_flag_outcomes_no_change BEFORE UPDATE OR DELETE ON anomaly_flag_outcomes
                FOR EACH ROW EXECUTE FUNCTION anomaly_flag_outcomes_append_only();
            CREATE TRIGGER anomaly_flag_outcomes_no_truncate BEFORE TRUNCATE ON anomaly_flag_outcomes
                FOR EACH STATEMENT EXECUTE FUNCTION anomaly_flag_outcomes_append_only();
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("anomaly_flags");
        migrationBuilder.EnableTenantRowLevelSecurity("anomaly_flag_outcomes");
        migrationBuilder.Sql($"""
            GRANT SELECT, INSERT, UPDATE ON anomaly_flags TO {ApplicationRole};
            GRANT SELECT, INSERT ON anomaly_flag_outcomes TO {ApplicationRole};
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE anomaly_flag_outcomes, anomaly_flags;
            DROP FUNCTION anomaly_flag_outcomes_append_only();
            """);
    }
}
