using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Maintained balances (issue #15 item 7): <c>ledger_balances</c> holds, per tenant, period, source type, account and
/// side, the sum and number of the posting lines, so the ledger overview and the reports read a few hundred rows instead
/// of aggregating millions of lines. The database keeps it: a statement-level trigger on <c>journal_postings</c> (the
/// statement's new lines as a transition table, joined to their entries for the period and source type) adds each
/// statement's lines in the same statement, so no code path can post without the balances following, and the posting
/// code is unchanged. Postings are append-only (a reversal is a new entry), so adding is all the trigger ever does.
/// The application role may only read the table: the trigger function is SECURITY DEFINER (the owner's rights, with a
/// fixed search_path) and the table keeps row-level security with FORCE, so the upsert is still held to the tenant of
/// the session. Existing postings are summed once when the table is created.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207145000_LedgerBalances")]
public sealed class LedgerBalancesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            CREATE TABLE ledger_balances (
                tenant_id    character varying(32) NOT NULL,
                period       character varying(7)  NOT NULL,
                source_type  character varying(16) NOT NULL,
                account_code character varying(64) NOT NULL,
                side         character(1)          NOT NULL,
                amount       numeric(20,2)         NOT NULL,
                lines        bigint                NOT NULL,
                CONSTRAINT pk_ledger_balances PRIMARY KEY (tenant_id, period, source_type, account_code, side),
                CONSTRAINT fk_ledger_balances_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );

            INSERT INTO ledger_balances (tenant_id, period, source_type, account_code, side, amount, lines)
            SELECT p.tenant_id, e.period, e.source_type, p.account_code, p.side, sum(p.amount), count(*)
              FROM journal_postings p
              JOIN journal_entries e ON e.tenant_id = p.tenant_id AND e.sequence = p.sequence
             GROUP BY p.tenant_id, e.period, e.source_type, p.account_code, p.side;

            CREATE FUNCTION ledger_add_to_balances() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
            BEGIN
                -- Planned at each run (EXECUTE), like the balance check: a plan cached on small books never scans the
                -- entries. Sorted by key, so two transactions adding to the same rows lock them in the same order.
                EXECUTE $q$
                    INSERT INTO ledger_balances AS b (tenant_id, period, source_type, account_code, side, amount, lines)
                    SELECT p.tenant_id, e.period, e.source_type, p.account_code, p.side, sum(p.amount), count(*)
                      FROM new_rows p
                      JOIN journal_entries e ON e.tenant_id = p.tenant_id AND e.sequence = p.sequence
                     GROUP BY p.tenant_id, e.period, e.source_type, p.account_code, p.side
                     ORDER BY p.tenant_id, e.period, e.source_type, p.account_code, p.side
                    ON CONFLICT (tenant_id, period, source_type, account_code, side)
                    DO UPDATE SET amount = b.amount + EXCLUDED.amount, lines = b.lines + EXCLUDED.lines
                    $q$;
                RETURN NULL;
            END
            $fn$;
            REVOKE ALL ON FUNCTION ledger_add_to_balances() FROM PUBLIC;

            CREATE TRIGGER journal_postings_balances
                AFTER INSERT ON journal_postings REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_add_to_balances();
            """);
        // Read only for the application; every change comes through the trigger above.
        migrationBuilder.GrantApplicationOnly("SELECT", "ledger_balances");
        migrationBuilder.EnableTenantRowLevelSecurity("ledger_balances");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER journal_postings_balances ON journal_postings;
            DROP FUNCTION ledger_add_to_balances();
            DROP TABLE ledger_balances;
            """);
    }
}
