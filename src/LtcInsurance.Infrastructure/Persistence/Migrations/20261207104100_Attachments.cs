using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Attachments kept in the database (issue #12, item 1): <c>attachments</c>, one row per file with its owner (kind and id
/// as text), normalised name, detected media type, size, SHA-256, content (bytea, stored out of line by TOAST) and who
/// uploaded it when. Row-level security (FORCE). Files are never changed: the application role reads and inserts, and
/// a trigger, which binds the owner too, refuses UPDATE, DELETE and TRUNCATE.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207104100_Attachments")]
public sealed class Attachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE attachments (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                owner_kind character varying(32) NOT NULL,
                owner_id character varying(64) NOT NULL,
                file_name character varying(120) NOT NULL,
                content_type character varying(64) NOT NULL,
                size_bytes integer NOT NULL,
                sha256 character varying(64) NOT NULL,
                content bytea NOT NULL,
                uploaded_by character varying(256) NOT NULL,
                uploaded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_attachments PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_attachments_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_attachments_content_type CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
                CONSTRAINT ck_attachments_size CHECK (size_bytes > 0 AND size_bytes = octet_length(content))
            );
            CREATE INDEX ix_attachments_tenant_id_owner_kind_owner_id ON attachments (tenant_id, owner_kind, owner_id);
            """);
        migrationBuilder.EnableAppendOnly("attachments", "attachments are kept as uploaded", function: "attachments_never_change");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE attachments;
            DROP FUNCTION attachments_never_change();
            """);
    }
}
