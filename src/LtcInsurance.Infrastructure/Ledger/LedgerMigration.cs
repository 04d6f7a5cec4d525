using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// The ledger tables. The database holds the invariants on its own, so that no code path (nor a person with
/// the application's credentials) can break them: debits = credits per entry (deferred constraint trigger),
/// journal rows never change (triggers refuse UPDATE/DELETE/TRUNCATE, and the application role is granted
/// only SELECT and INSERT), at most one entry per idempotency key and one reversal per entry (unique indexes),
/// and row-level security by tenant like every tenant table.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261123000100_Ledger")]
public sealed class LedgerMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(LedgerSchemaSql.Up);
        // Second wall of tenancy (architecture: Tenancy), as on every tenant table.
        foreach (var table in LedgerSchemaSql.TenantTables)
            migrationBuilder.EnableTenantRowLevelSecurity(table);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(LedgerSchemaSql.Down);
    }
}

internal static class LedgerSchemaSql
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    public static readonly string[] TenantTables =
        ["ledger_accounts", "ledger_periods", "ledger_chain_heads", "journal_entries", "journal_postings"];

    public static readonly string Up = $$"""
        CREATE TABLE ledger_accounts (
            tenant_id   character varying(32)  NOT NULL,
            code        character varying(64)  NOT NULL,
            name        character varying(200) NOT NULL,
            type        character varying(16)  NOT NULL,
            region_code character varying(32),
            CONSTRAINT pk_ledger_accounts PRIMARY KEY (tenant_id, code),
            CONSTRAINT fk_ledger_accounts_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT ck_ledger_accounts_type CHECK (type IN ('asset', 'liability', 'income', 'expense', 'equity'))
        );

        CREATE TABLE ledger_periods (
            tenant_id character varying(32) NOT NULL,
            period    character varying(7)  NOT NULL,
            closed_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_ledger_periods PRIMARY KEY (tenant_id, period),
            CONSTRAINT fk_ledger_periods_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT ck_ledger_periods_period CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
        );

        CREATE TABLE ledger_chain_heads (
            tenant_id     character varying(32) NOT NULL,
            last_sequence bigint                NOT NULL,
            last_hash     character(64)         NOT NULL,
            CONSTRAINT pk_ledger_chain_heads PRIMARY KEY (tenant_id),
            CONSTRAINT fk_ledger_chain_heads_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT ck_ledger_chain_heads_last_sequence CHECK (last_sequence >= 0)
        );

        CREATE TABLE journal_entries (
            tenant_id        character varying(32)  NOT NULL,
            sequence         bigint                 NOT NULL,
            business_date    date                   NOT NULL,
            period           character varying(7)   NOT NULL,
            original_period  character varying(7),
            description      character varying(500) NOT NULL,
            source_type      character varying(16)  NOT NULL,
            source_reference character varying(200) NOT NULL,
            idempotency_key  character varying(200) NOT NULL,
            reverses         bigint,
            recorded_at      timestamp with time zone NOT NULL,
            previous_hash    character(64)          NOT NULL,
            hash             character(64)          NOT NULL,
            CONSTRAINT pk_journal_entries PRIMARY KEY (tenant_id, sequence),
            CONSTRAINT fk_journal_entries_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT fk_journal_entries_reverses FOREIGN KEY (tenant_id, reverses)
                REFERENCES journal_entries (tenant_id, sequence) ON DELETE RESTRICT,
            CONSTRAINT ck_journal_entries_sequence CHECK (sequence >= 1),
            CONSTRAINT ck_journal_entries_period CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
            CONSTRAINT ck_journal_entries_original_period CHECK (original_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
            CONSTRAINT ck_journal_entries_source_type CHECK (source_type IN ('bill', 'claim', 'settlement', 'fee', 'closing')),
            CONSTRAINT ck_journal_entries_reverses_earlier CHECK (reverses < sequence)
        );
        CREATE UNIQUE INDEX ux_journal_entries_idempotency_key ON journal_entries (tenant_id, idempotency_key);
        -- an entry is reversed at most once (NULLs, i.e. ordinary entries, do not collide)
        CREATE UNIQUE INDEX ux_journal_entries_reverses ON journal_entries (tenant_id, reverses);

        CREATE TABLE journal_postings (
            tenant_id    character varying(32) NOT NULL,
            sequence     bigint                NOT NULL,
            line         smallint              NOT NULL,
            account_code character varying(64) NOT NULL,
            side         character(1)          NOT NULL,
            amount       numeric(18,2)         NOT NULL,
            CONSTRAINT pk_journal_postings PRIMARY KEY (tenant_id, sequence, line),
            CONSTRAINT fk_journal_postings_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT fk_journal_postings_entry FOREIGN KEY (tenant_id, sequence)
                REFERENCES journal_entries (tenant_id, sequence) ON DELETE RESTRICT,
            CONSTRAINT fk_journal_postings_account FOREIGN KEY (tenant_id, account_code)
                REFERENCES ledger_accounts (tenant_id, code) ON DELETE RESTRICT,
            CONSTRAINT ck_journal_postings_line CHECK (line >= 1),
            CONSTRAINT ck_journal_postings_side CHECK (side IN ('D', 'C')),
            CONSTRAINT ck_journal_postings_amount CHECK (amount > 0)
        );
        CREATE INDEX ix_journal_postings_account ON journal_postings (tenant_id, account_code);

        -- Double entry, checked at commit: an entry has at least two postings and its debits equal its credits.
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

        -- Append-only: corrections are reversing entries, never edits.
        CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'ledger table % is append-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;

        CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
            FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
        CREATE TRIGGER journal_postings_append_only BEFORE UPDATE OR DELETE ON journal_postings
            FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
        CREATE TRIGGER ledger_periods_append_only BEFORE UPDATE OR DELETE ON ledger_periods
            FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
        CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
        CREATE TRIGGER journal_postings_no_truncate BEFORE TRUNCATE ON journal_postings
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

        -- The application role may read and append; it may not rewrite history.
        REVOKE ALL ON ledger_accounts, ledger_periods, ledger_chain_heads, journal_entries, journal_postings FROM PUBLIC;
        REVOKE ALL ON ledger_accounts, ledger_periods, ledger_chain_heads, journal_entries, journal_postings FROM {{ApplicationRole}};
        GRANT SELECT, INSERT ON ledger_accounts, ledger_periods, journal_entries, journal_postings TO {{ApplicationRole}};
        GRANT SELECT, INSERT, UPDATE ON ledger_chain_heads TO {{ApplicationRole}};
        """;

    public const string Down = """
        DROP TABLE journal_postings;
        DROP TABLE journal_entries;
        DROP TABLE ledger_chain_heads;
        DROP TABLE ledger_periods;
        DROP TABLE ledger_accounts;
        DROP FUNCTION ledger_refuse_change();
        DROP FUNCTION ledger_check_entry_balanced();
        """;
}
