using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// REST API clients (issue #13, items 3 and 9): <c>api_keys</c>, one row per key bound to a tenant and a provider
/// (institution), with the SHA-256 of its secret only, who created and revoked it when, and when it was last used; and
/// <c>api_idempotency_keys</c>, the <c>Idempotency-Key</c> of each POST with the request's hash and the stored response.
/// Both tenant tables with row-level security (FORCE).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207126000_ApiClients")]
public sealed class ApiClients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE api_keys (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                institution_id uuid NOT NULL,
                name character varying(100) NOT NULL,
                secret_hash character varying(64) NOT NULL,
                created_by character varying(256) NOT NULL,
                created_at timestamp with time zone NOT NULL,
                revoked_by character varying(256),
                revoked_at timestamp with time zone,
                last_used_at timestamp with time zone,
                CONSTRAINT pk_api_keys PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_api_keys_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_api_keys_institutions_tenant_id_institution_id FOREIGN KEY (tenant_id, institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_api_keys_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
            );
            CREATE INDEX ix_api_keys_tenant_id_institution_id ON api_keys (tenant_id, institution_id);

            CREATE TABLE api_idempotency_keys (
                tenant_id character varying(32) NOT NULL,
                api_key_id uuid NOT NULL,
                idempotency_key character varying(255) NOT NULL,
                request_hash character varying(64) NOT NULL,
                method character varying(8) NOT NULL,
                path character varying(300) NOT NULL,
                response_status integer,
                response_content_type character varying(100),
                response_body text,
                created_at timestamp with time zone NOT NULL,
                completed_at timestamp with time zone,
                CONSTRAINT pk_api_idempotency_keys PRIMARY KEY (tenant_id, api_key_id, idempotency_key),
                CONSTRAINT fk_api_idempotency_keys_api_keys_tenant_id_api_key_id FOREIGN KEY (tenant_id, api_key_id)
                    REFERENCES api_keys (tenant_id, id) ON DELETE RESTRICT
            );
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("api_keys", "api_idempotency_keys");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE api_idempotency_keys;
            DROP TABLE api_keys;
            """);
    }
}
