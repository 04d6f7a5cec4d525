using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Who did what (issue #16, item 4) and bills and payments that cannot be changed once written.
/// <list type="bullet">
/// <item>Who: <c>contribution_payments.recorded_by</c>, <c>journal_entries.recorded_by</c> (outside the entry's hash:
/// docs/ledger.md), <c>import_jobs.created_by</c>, and two append-only tables, <c>billing_runs</c> (who ran which
/// period, when, with which counts) and <c>ledger_account_changes</c> (who added or renamed an account). Rows written
/// before this migration have no user (NULL).</item>
/// <item>Written once: the application role loses UPDATE and DELETE on bills, bill lines and payments and keeps
/// UPDATE of <c>journal_sequence</c> only (the posting noted after the entry is written, and the privilege that
/// <c>SELECT … FOR NO KEY UPDATE</c> needs to lock a bill); a trigger, which binds the owner too, lets an update
/// through only when it sets a NULL journal sequence and changes nothing else, and refuses every DELETE and
/// TRUNCATE, like the journal's.</item>
/// </list>
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261128001000_Accountability")]
public sealed class Accountability : Migration
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    internal static readonly string[] NewTenantTables = ["billing_runs", "ledger_account_changes"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            ALTER TABLE contribution_payments ADD recorded_by character varying(256);
            ALTER TABLE journal_entries ADD recorded_by character varying(256);
            ALTER TABLE import_jobs ADD created_by character varying(256);

            CREATE TABLE billing_runs (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                period character varying(7) NOT NULL,
                run_by character varying(256) NOT NULL,
                run_at timestamp with time zone NOT NULL,
                bills_created integer NOT NULL,
                bills_existing integer NOT NULL,
                entries_posted integer NOT NULL,
                people_skipped integer NOT NULL,
                CONSTRAINT pk_billing_runs PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_billing_runs_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_billing_runs_tenant_id_period ON billing_runs (tenant_id, period);

            CREATE TABLE ledger_account_changes (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                account_code character varying(64) NOT NULL,
                change character varying(16) NOT NULL,
                old_name character varying(200),
                new_name character varying(200) NOT NULL,
                changed_by character varying(256) NOT NULL,
                changed_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_ledger_account_changes PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_ledger_account_changes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_ledger_account_changes_change CHECK (change IN ('added', 'renamed'))
            );
            CREATE INDEX ix_ledger_account_changes_tenant_id_account_code ON ledger_account_changes (tenant_id, account_code);

            REVOKE ALL ON billing_runs, ledger_account_changes FROM PUBLIC, {{ApplicationRole}};
            GRANT SELECT, INSERT ON billing_runs, ledger_account_changes TO {{ApplicationRole}};

            -- Bills and payments are written once; only the posting's sequence is noted afterwards, once.
            REVOKE UPDATE, DELETE, TRUNCATE ON contribution_bills, contribution_bill_lines, contribution_payments
                FROM PUBLIC, {{ApplicationRole}};
            GRANT UPDATE (journal_sequence) ON contribution_bills, contribution_payments TO {{ApplicationRole}};

            CREATE FUNCTION contribution_note_posting_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    IF OLD.journal_sequence IS NULL AND NEW.journal_sequence IS NOT NULL
                       AND (to_jsonb(NEW) - 'journal_sequence') = (to_jsonb(OLD) - 'journal_sequence') THEN
                        RETURN NEW;
                    END IF;
                END IF;
                RAISE EXCEPTION '% is written once: % refused (only a missing journal_sequence may be set)', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;

            CREATE TRIGGER contribution_bills_written_once BEFORE UPDATE OR DELETE ON contribution_bills
                FOR EACH ROW EXECUTE FUNCTION contribution_note_posting_only();
            CREATE TRIGGER contribution_payments_written_once BEFORE UPDATE OR DELETE ON contribution_payments
                FOR EACH ROW EXECUTE FUNCTION contribution_note_posting_only();
            CREATE TRIGGER contribution_bill_lines_written_once BEFORE UPDATE OR DELETE ON contribution_bill_lines
                FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
            CREATE TRIGGER contribution_bills_no_truncate BEFORE TRUNCATE ON contribution_bills
                FOR EACH STATEMENT EXECUTE FUNCTION contribution_note_posting_only();
            CREATE TRIGGER contribution_bill_lines_no_truncate BEFORE TRUNCATE ON contribution_bill_lines
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
            CREATE TRIGGER contribution_payments_no_truncate BEFORE TRUNCATE ON contribution_payments
                FOR EACH STATEMENT EXECUTE FUNCTION contribution_note_posting_only();
            """);
        foreach (var table in NewTenantTables)
            migrationBuilder.EnableTenantRowLevelSecurity(table);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            DROP TRIGGER contribution_bills_written_once ON contribution_bills;
            DROP TRIGGER contribution_payments_written_once ON contribution_payments;
            DROP TRIGGER contribution_bill_lines_written_once ON contribution_bill_lines;
            DROP TRIGGER contribution_bills_no_truncate ON contribution_bills;
            DROP TRIGGER contribution_bill_lines_no_truncate ON contribution_bill_lines;
            DROP TRIGGER contribution_payments_no_truncate ON contribution_payments;
            DROP FUNCTION contribution_note_posting_only();
            REVOKE UPDATE (journal_sequence) ON contribution_bills, contribution_payments FROM {ApplicationRole};
            GRANT UPDATE ON contribution_bills, contribution_payments TO {ApplicationRole};
            DROP TABLE ledger_account_changes, billing_runs;
            ALTER TABLE import_jobs DROP COLUMN created_by;
            ALTER TABLE journal_entries DROP COLUMN recorded_by;
            ALTER TABLE contribution_payments DROP COLUMN recorded_by;
            """);
    }
}
