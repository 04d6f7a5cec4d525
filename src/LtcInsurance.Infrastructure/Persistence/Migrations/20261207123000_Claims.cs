using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Monthly claims, settlement and payment (issue #13, items 3–8):
/// <list type="bullet">
/// <item><c>claims</c>: a provider's claim of a service month on the four steps (who did 初审, 复核, 审定 and when; the
/// database refuses the same person for both reviews and for both approvals), one standing claim per provider and month
/// (a partial unique index), idempotent by the client's key;</item>
/// <item><c>claim_lines</c>: lines with the reviewers' cuts, the engine's fund and personal amounts and recoveries;</item>
/// <item><c>claim_settlements</c>: the engine's settlement per beneficiary and entitlement with its trace (replaced when the
/// claim is settled again before approval);</item>
/// <item><c>claim_events</c>: the history of every claim (who, when, why), append-only: SELECT/INSERT for the application
/// role and a trigger refusing UPDATE, DELETE and TRUNCATE;</item>
/// <item><c>payment_batches</c> and <c>claim_recoveries</c>: 拨付 batches and the 过误 recoveries they deduct.</item>
/// </list>
/// Tenant tables under row-level security (FORCE), tenant_id leading every key.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207123000_Claims")]
public sealed class Claims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE payment_batches (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                number character varying(64) NOT NULL,
                status character varying(16) NOT NULL,
                gross numeric(18,2) NOT NULL,
                deducted numeric(18,2) NOT NULL,
                created_by character varying(256) NOT NULL,
                created_at timestamp with time zone NOT NULL,
                paid_on date NULL,
                paid_by character varying(256) NULL,
                paid_at timestamp with time zone NULL,
                journal_sequence bigint NULL,
                version integer NOT NULL,
                CONSTRAINT pk_payment_batches PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_payment_batches_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_payment_batches_status CHECK (status IN ('created', 'paid')),
                CONSTRAINT ck_payment_batches_amounts CHECK (gross >= 0 AND deducted >= 0 AND deducted <= gross)
            );
            CREATE UNIQUE INDEX ix_payment_batches_tenant_id_number ON payment_batches (tenant_id, number);

            CREATE TABLE claims (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                number character varying(64) NOT NULL,
                institution_id uuid NOT NULL,
                service_month date NOT NULL,
                status character varying(16) NOT NULL,
                client_key character varying(100) NOT NULL,
                request_hash character varying(64) NOT NULL,
                submitted_by character varying(256) NOT NULL,
                submitted_at timestamp with time zone NOT NULL,
                billed numeric(18,2) NOT NULL,
                fund numeric(18,2) NOT NULL,
                individual numeric(18,2) NOT NULL,
                first_reviewed_by character varying(256) NULL,
                first_reviewed_at timestamp with time zone NULL,
                second_reviewed_by character varying(256) NULL,
                second_reviewed_at timestamp with time zone NULL,
                first_approved_by character varying(256) NULL,
                first_approved_at timestamp with time zone NULL,
                approved_by character varying(256) NULL,
                approved_at timestamp with time zone NULL,
                payable_sequence bigint NULL,
                payment_batch_id uuid NULL,
                paid_at timestamp with time zone NULL,
                return_codes text[] NOT NULL,
                sampled boolean NOT NULL,
                event_count integer NOT NULL,
                version integer NOT NULL,
                CONSTRAINT pk_claims PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_claims_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_claims_institution FOREIGN KEY (tenant_id, institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claims_payment_batch FOREIGN KEY (tenant_id, payment_batch_id)
                    REFERENCES payment_batches (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_claims_status CHECK (status IN ('submitted', 'first_reviewed', 'second_reviewed', 'approved', 'paid', 'returned', 'withdrawn')),
                CONSTRAINT ck_claims_separate_reviewers CHECK (second_reviewed_by IS NULL OR second_reviewed_by <> first_reviewed_by),
                CONSTRAINT ck_claims_separate_approvers CHECK (first_approved_by IS NULL OR approved_by IS NULL OR approved_by <> first_approved_by),
                CONSTRAINT ck_claims_amounts CHECK (billed >= 0 AND fund >= 0 AND individual >= 0 AND fund + individual = billed)
            );
            CREATE UNIQUE INDEX ix_claims_tenant_id_number ON claims (tenant_id, number);
            CREATE UNIQUE INDEX ix_claims_tenant_id_institution_id_client_key ON claims (tenant_id, institution_id, client_key);
            CREATE UNIQUE INDEX ux_claims_standing_per_month ON claims (tenant_id, institution_id, service_month)
                WHERE status IN ('submitted', 'first_reviewed', 'second_reviewed', 'approved', 'paid');
            CREATE INDEX ix_claims_tenant_id_service_month_status ON claims (tenant_id, service_month, status);
            CREATE INDEX ix_claims_tenant_id_payment_batch_id ON claims (tenant_id, payment_batch_id);

            CREATE TABLE claim_lines (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                claim_id uuid NOT NULL,
                line_no integer NOT NULL,
                person_id uuid NOT NULL,
                entitlement_id uuid NOT NULL,
                service_mode character varying(32) NOT NULL,
                day date NOT NULL,
                item_code character varying(64) NOT NULL,
                category character varying(16) NOT NULL,
                quantity numeric(12,2) NOT NULL,
                claimed_amount numeric(18,2) NOT NULL,
                amount numeric(18,2) NOT NULL,
                adjust_reason character varying(500) NULL,
                adjusted_by character varying(256) NULL,
                care_worker_id uuid NULL,
                fund numeric(18,2) NOT NULL,
                individual numeric(18,2) NOT NULL,
                rejection character varying(32) NULL,
                notices text[] NOT NULL,
                recovered boolean NOT NULL,
                recovery_reason character varying(500) NULL,
                CONSTRAINT pk_claim_lines PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_claim_lines_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_lines_claim FOREIGN KEY (tenant_id, claim_id) REFERENCES claims (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_lines_person FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_lines_entitlement FOREIGN KEY (tenant_id, entitlement_id) REFERENCES entitlements (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_lines_care_worker FOREIGN KEY (tenant_id, care_worker_id) REFERENCES care_workers (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_claim_lines_amounts CHECK (quantity > 0 AND amount >= 0 AND amount <= claimed_amount AND fund >= 0 AND individual >= 0 AND fund + individual = amount)
            );
            CREATE UNIQUE INDEX ix_claim_lines_tenant_id_claim_id_line_no ON claim_lines (tenant_id, claim_id, line_no);
            CREATE INDEX ix_claim_lines_tenant_id_person_id_day ON claim_lines (tenant_id, person_id, day);
            CREATE INDEX ix_claim_lines_tenant_id_entitlement_id ON claim_lines (tenant_id, entitlement_id);
            CREATE INDEX ix_claim_lines_tenant_id_care_worker_id ON claim_lines (tenant_id, care_worker_id);

            CREATE TABLE claim_settlements (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                claim_id uuid NOT NULL,
                person_id uuid NOT NULL,
                entitlement_id uuid NOT NULL,
                service_mode character varying(32) NOT NULL,
                year_to_date_before numeric(18,2) NOT NULL,
                earlier_in_month numeric(18,2) NOT NULL,
                billed numeric(18,2) NOT NULL,
                fund numeric(18,2) NOT NULL,
                individual numeric(18,2) NOT NULL,
                reductions character varying(200) NOT NULL,
                trace jsonb NOT NULL,
                settled_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_claim_settlements PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_claim_settlements_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_settlements_claim FOREIGN KEY (tenant_id, claim_id) REFERENCES claims (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_settlements_person FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_settlements_entitlement FOREIGN KEY (tenant_id, entitlement_id) REFERENCES entitlements (tenant_id, id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_claim_settlements_tenant_id_claim_id ON claim_settlements (tenant_id, claim_id);
            CREATE INDEX ix_claim_settlements_tenant_id_person_id ON claim_settlements (tenant_id, person_id);
            CREATE INDEX ix_claim_settlements_tenant_id_entitlement_id ON claim_settlements (tenant_id, entitlement_id);

            CREATE TABLE claim_events (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                claim_id uuid NOT NULL,
                ordinal integer NOT NULL,
                action character varying(32) NOT NULL,
                from_status character varying(16) NULL,
                to_status character varying(16) NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                reason character varying(1000) NULL,
                CONSTRAINT pk_claim_events PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_claim_events_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_events_claim FOREIGN KEY (tenant_id, claim_id) REFERENCES claims (tenant_id, id) ON DELETE RESTRICT
            );
            CREATE UNIQUE INDEX ix_claim_events_tenant_id_claim_id_ordinal ON claim_events (tenant_id, claim_id, ordinal);

            CREATE TABLE claim_recoveries (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                claim_id uuid NOT NULL,
                claim_line_id uuid NOT NULL,
                institution_id uuid NOT NULL,
                amount numeric(18,2) NOT NULL,
                reason character varying(500) NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                journal_sequence bigint NULL,
                deducted_in_batch_id uuid NULL,
                CONSTRAINT pk_claim_recoveries PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_claim_recoveries_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_recoveries_claim FOREIGN KEY (tenant_id, claim_id) REFERENCES claims (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_recoveries_line FOREIGN KEY (tenant_id, claim_line_id) REFERENCES claim_lines (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_recoveries_institution FOREIGN KEY (tenant_id, institution_id) REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_claim_recoveries_batch FOREIGN KEY (tenant_id, deducted_in_batch_id) REFERENCES payment_batches (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_claim_recoveries_amount CHECK (amount > 0)
            );
            CREATE UNIQUE INDEX ix_claim_recoveries_tenant_id_claim_line_id ON claim_recoveries (tenant_id, claim_line_id);
            CREATE INDEX ix_claim_recoveries_tenant_id_claim_id ON claim_recoveries (tenant_id, claim_id);
            CREATE INDEX ix_claim_recoveries_tenant_id_institution_id ON claim_recoveries (tenant_id, institution_id);
            CREATE INDEX ix_claim_recoveries_tenant_id_deducted_in_batch_id ON claim_recoveries (tenant_id, deducted_in_batch_id);
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("payment_batches", "claims", "claim_lines", "claim_settlements", "claim_recoveries");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE", "payment_batches", "claims", "claim_lines", "claim_recoveries");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, DELETE", "claim_settlements");
        migrationBuilder.EnableAppendOnly("claim_events", "the history of a claim is append-only");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE claim_recoveries, claim_events, claim_settlements, claim_lines, claims, payment_batches;
            DROP FUNCTION claim_events_append_only();
            """);
    }
}
