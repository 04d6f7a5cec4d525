using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Payments from every payer (issue #11, item 3).
/// <list type="bullet">
/// <item><c>contribution_payments.method</c>: how a person's receipt came (counter, tax_collection, pension_withholding);
/// existing receipts were all taken at the counter.</item>
/// <item><c>payer_transfers</c> and <c>payer_transfer_lines</c>: a payer other than the person (medical insurance fund,
/// treasury, employer) settling a period's receivable in one sum, split by region. Financial records: the application
/// inserts them and notes the journal sequence, never deletes.</item>
/// <item><c>collection_imports</c> and <c>collection_import_errors</c>: the tax bureau's collection files and their refused
/// rows (the error report).</item>
/// </list>
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207102000_PayersAndCollections")]
public sealed class PayersAndCollections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE contribution_payments ADD COLUMN method character varying(32) NOT NULL DEFAULT 'counter';
            ALTER TABLE contribution_payments ALTER COLUMN method DROP DEFAULT;

            CREATE TABLE payer_transfers (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                reference character varying(64) NOT NULL,
                period character varying(7) NOT NULL,
                payer character varying(32) NOT NULL,
                amount numeric(18,2) NOT NULL,
                received_on date NOT NULL,
                journal_sequence bigint,
                recorded_at timestamp with time zone NOT NULL,
                recorded_by character varying(256) NOT NULL,
                CONSTRAINT pk_payer_transfers PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_payer_transfers_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_payer_transfers_tenant_id_period_payer ON payer_transfers (tenant_id, period, payer);
            CREATE UNIQUE INDEX ix_payer_transfers_tenant_id_reference ON payer_transfers (tenant_id, reference);

            CREATE TABLE payer_transfer_lines (
                tenant_id character varying(32) NOT NULL,
                transfer_id uuid NOT NULL,
                region_code character(6) NOT NULL,
                amount numeric(18,2) NOT NULL,
                CONSTRAINT pk_payer_transfer_lines PRIMARY KEY (tenant_id, transfer_id, region_code),
                CONSTRAINT fk_payer_transfer_lines_payer_transfers_tenant_id_transfer_id FOREIGN KEY (tenant_id, transfer_id) REFERENCES payer_transfers (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_payer_transfer_lines_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );

            CREATE TABLE collection_imports (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                file_name character varying(260) NOT NULL,
                format character varying(8) NOT NULL,
                status character varying(16) NOT NULL,
                total_rows integer NOT NULL,
                recorded_rows integer NOT NULL,
                already_recorded_rows integer NOT NULL,
                error_rows integer NOT NULL,
                recorded_amount numeric(18,2) NOT NULL,
                message character varying(500),
                created_at timestamp with time zone NOT NULL,
                created_by character varying(256),
                updated_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_collection_imports PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_collection_imports_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );

            CREATE TABLE collection_import_errors (
                tenant_id character varying(32) NOT NULL,
                import_id uuid NOT NULL,
                row_number integer NOT NULL,
                reference text,
                id_number text,
                period text,
                amount text,
                message character varying(500) NOT NULL,
                CONSTRAINT pk_collection_import_errors PRIMARY KEY (tenant_id, import_id, row_number),
                CONSTRAINT fk_collection_import_errors_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("payer_transfers", "payer_transfer_lines", "collection_imports", "collection_import_errors");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE (journal_sequence)", "payer_transfers");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT", "payer_transfer_lines", "collection_import_errors");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE", "collection_imports");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE collection_import_errors, collection_imports, payer_transfer_lines, payer_transfers;
            ALTER TABLE contribution_payments DROP COLUMN method;
            """);
    }
}
