using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// The double-entry check once per statement instead of once per row. Until now a deferred constraint trigger ran the
/// check at commit for every entry row and again for every posting row (three queries for a two-line entry). Now a
/// statement-level trigger on each table, with the statement's new rows as a transition table, checks every entry the
/// statement touched in one query at the end of the statement: at least two postings, debits equal credits. The
/// posting service writes an entry, its postings and the chain head in one statement (a data-modifying WITH; the
/// triggers of all its parts fire at its end), so a batch of entries is checked by one query per table. The rule is
/// stricter than before: an entry and its postings must be written by the same statement (an entry alone, or
/// postings added to an entry later, are refused at once), which keeps "even SQL written around the application
/// cannot leave an unbalanced entry" true. The check's query is planned at each run (EXECUTE), so that a plan cached
/// while the books were small never scans the whole postings table later.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261128002000_LedgerBatch")]
public sealed class LedgerBatchMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER journal_entries_balanced ON journal_entries;
            DROP TRIGGER journal_postings_balanced ON journal_postings;
            DROP FUNCTION ledger_check_entry_balanced();

            CREATE FUNCTION ledger_check_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
                bad_tenant text;
                bad_sequence bigint;
                n bigint;
                debits numeric;
                credits numeric;
            BEGIN
                EXECUTE $q$
                    SELECT t.tenant_id, t.sequence, s.n, s.debits, s.credits
                      FROM (SELECT DISTINCT tenant_id, sequence FROM new_rows) t
                      CROSS JOIN LATERAL (
                          SELECT count(*) AS n,
                                 coalesce(sum(p.amount) FILTER (WHERE p.side = 'D'), 0) AS debits,
                                 coalesce(sum(p.amount) FILTER (WHERE p.side = 'C'), 0) AS credits
                            FROM journal_postings p
                           WHERE p.tenant_id = t.tenant_id AND p.sequence = t.sequence) s
                     WHERE s.n < 2 OR s.debits <> s.credits
                     LIMIT 1
                    $q$ INTO bad_tenant, bad_sequence, n, debits, credits;
                IF bad_tenant IS NOT NULL THEN
                    RAISE EXCEPTION 'journal entry %/% is not balanced: % postings, debits %, credits %',
                        bad_tenant, bad_sequence, n, debits, credits
                        USING ERRCODE = 'check_violation';
                END IF;
                RETURN NULL;
            END
            $fn$;

            CREATE TRIGGER journal_entries_balanced
                AFTER INSERT ON journal_entries REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_entries_balanced();
            CREATE TRIGGER journal_postings_balanced
                AFTER INSERT ON journal_postings REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_entries_balanced();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER journal_entries_balanced ON journal_entries;
            DROP TRIGGER journal_postings_balanced ON journal_postings;
            DROP FUNCTION ledger_check_entries_balanced();

            CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
                n integer;
                debits numeric;
                credits numeric;
            BEGIN
                SELECT count(*),
                       coalesce(sum(amount) FILTER (WHERE side = 'D'), 0),
                       coalesce(sum(amount) FILTER (WHERE side = 'C'), 0)
                  INTO n, debits, credits
                  FROM journal_postings
                 WHERE tenant_id = NEW.tenant_id AND sequence = NEW.sequence;
                IF n < 2 OR debits <> credits THEN
                    RAISE EXCEPTION 'journal entry %/% is not balanced: % postings, debits %, credits %',
                        NEW.tenant_id, NEW.sequence, n, debits, credits
                        USING ERRCODE = 'check_violation';
                END IF;
                RETURN NULL;
            END
            $fn$;

            CREATE CONSTRAINT TRIGGER journal_entries_balanced
                AFTER INSERT ON journal_entries DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();
            CREATE CONSTRAINT TRIGGER journal_postings_balanced
                AFTER INSERT ON journal_postings DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();
            """);
    }
}
