using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The provider register and the service catalogue (issue #13, items 1-2; contract B).
/// <list type="bullet">
/// <item><c>institutions</c> gains the provider kind (定点机构 or 个体服务人员), agreement dates, bank account, liability
/// insurance and the reason of the last status change; checks on kind, dates and the medical level (1-3). A row inserted
/// without a kind is an institution (column default).</item>
/// <item><c>care_workers</c>: care staff by real name with qualifications. The application role may not delete them
/// (claims name them); a worker who leaves is made inactive.</item>
/// <item><c>sanctions</c>: append-only except ending a sanction once, by a dated end that may only shorten it. The
/// application role may update only the end columns, and a trigger (which binds the owner too) refuses any other
/// change, a second end, a lengthening, DELETE and TRUNCATE.</item>
/// <item><c>service_items</c>: the dated catalogue; rows are never deleted, only closed (<c>valid_to</c>, the one column
/// the application role may update).</item>
/// <item><c>service_catalogue_versions</c> and <c>provider_changes</c>: append-only histories (SELECT and INSERT only,
/// a trigger refusing UPDATE, DELETE and TRUNCATE).</item>
/// </list>
/// Every table is a tenant table: tenant_id leads every key, row-level security FORCE.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207122000_ProviderRegister")]
public sealed class ProviderRegister : Migration
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            ALTER TABLE institutions
                ADD COLUMN provider_kind character varying(16) NOT NULL DEFAULT 'institution',
                ADD COLUMN agreement_from date NULL,
                ADD COLUMN agreement_to date NULL,
                ADD COLUMN bank_name character varying(100) NULL,
                ADD COLUMN bank_account_name character varying(200) NULL,
                ADD COLUMN bank_account_number character varying(34) NULL,
                ADD COLUMN liability_insurance_policy character varying(64) NULL,
                ADD COLUMN liability_insurance_to date NULL,
                ADD COLUMN status_reason character varying(500) NULL,
                ADD CONSTRAINT ck_institutions_provider_kind CHECK (provider_kind IN ('institution', 'individual')),
                ADD CONSTRAINT ck_institutions_agreement CHECK (agreement_to IS NULL OR agreement_from IS NULL OR agreement_to >= agreement_from),
                ADD CONSTRAINT ck_institutions_medical_level CHECK (medical_institution_level IS NULL OR medical_institution_level BETWEEN 1 AND 3);
            CREATE INDEX ix_institutions_tenant_id_name ON institutions (tenant_id, name);

            CREATE TABLE care_workers (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                institution_id uuid NOT NULL,
                name character varying(50) NOT NULL,
                id_number character(18) NOT NULL,
                qualifications text[] NOT NULL,
                active boolean NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_care_workers PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_care_workers_institution FOREIGN KEY (tenant_id, institution_id) REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_care_workers_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE UNIQUE INDEX ix_care_workers_tenant_id_institution_id_id_number ON care_workers (tenant_id, institution_id, id_number);
            CREATE INDEX ix_care_workers_tenant_id_id_number ON care_workers (tenant_id, id_number);
            REVOKE DELETE, TRUNCATE ON care_workers FROM PUBLIC, {{ApplicationRole}};

            CREATE TABLE sanctions (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                subject_kind character varying(16) NOT NULL,
                subject_id uuid NOT NULL,
                from_date date NOT NULL,
                to_date date NULL,
                reason character varying(500) NOT NULL,
                clause character varying(300) NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                end_reason character varying(500) NULL,
                ended_by character varying(256) NULL,
                ended_at timestamp with time zone NULL,
                CONSTRAINT pk_sanctions PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_sanctions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_sanctions_subject_kind CHECK (subject_kind IN ('institution', 'care_worker')),
                CONSTRAINT ck_sanctions_period CHECK (to_date IS NULL OR to_date >= from_date)
            );
            CREATE INDEX ix_sanctions_tenant_id_subject_kind_subject_id ON sanctions (tenant_id, subject_kind, subject_id);

            CREATE FUNCTION sanctions_end_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE'
                   AND OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL AND NEW.ended_by IS NOT NULL
                   AND NEW.to_date IS NOT NULL AND (OLD.to_date IS NULL OR NEW.to_date <= OLD.to_date)
                   AND (NEW.tenant_id, NEW.id, NEW.subject_kind, NEW.subject_id, NEW.from_date, NEW.reason, NEW.clause, NEW.recorded_by, NEW.recorded_at)
                       IS NOT DISTINCT FROM
                       (OLD.tenant_id, OLD.id, OLD.subject_kind, OLD.subject_id, OLD.from_date, OLD.reason, OLD.clause, OLD.recorded_by, OLD.recorded_at)
                THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'sanctions: % refused (a sanction is never changed or removed; it may be ended once, earlier than recorded)', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;

            CREATE TABLE service_items (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                code character varying(32) NOT NULL,
                name character varying(200) NOT NULL,
                category character varying(16) NOT NULL,
                unit character varying(16) NOT NULL,
                price numeric(18,2) NULL,
                required_qualification character varying(16) NULL,
                national_code character varying(17) NULL,
                national_mapping character varying(200) NULL,
                valid_from date NOT NULL,
                valid_to date NULL,
                CONSTRAINT pk_service_items PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_service_items_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT ck_service_items_category CHECK (category IN ('care', 'medical_care', 'bed', 'meal', 'drug', 'other')),
                CONSTRAINT ck_service_items_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
                CONSTRAINT ck_service_items_price CHECK (price IS NULL OR price >= 0)
            );
            CREATE UNIQUE INDEX ix_service_items_tenant_id_code_valid_from ON service_items (tenant_id, code, valid_from);

            CREATE TABLE service_catalogue_versions (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                valid_from date NOT NULL,
                file_name character varying(200) NOT NULL,
                sha256 character varying(64) NOT NULL,
                item_count integer NOT NULL,
                imported_by character varying(256) NOT NULL,
                imported_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_service_catalogue_versions PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_service_catalogue_versions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_service_catalogue_versions_tenant_id_valid_from ON service_catalogue_versions (tenant_id, valid_from);

            CREATE TABLE provider_changes (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                institution_id uuid NOT NULL,
                care_worker_id uuid NULL,
                field character varying(32) NOT NULL,
                before_value character varying(500) NULL,
                after_value character varying(500) NULL,
                note character varying(500) NULL,
                changed_by character varying(256) NOT NULL,
                changed_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_provider_changes PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_provider_changes_institution FOREIGN KEY (tenant_id, institution_id) REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_provider_changes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_provider_changes_tenant_id_institution_id_changed_at ON provider_changes (tenant_id, institution_id, changed_at);
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("care_workers", "sanctions", "service_items");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE (to_date, end_reason, ended_by, ended_at)", "sanctions");
        migrationBuilder.RefuseChangesWith("sanctions", "sanctions_end_only");
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE (valid_to)", "service_items");
        migrationBuilder.CreateRefusalFunction("provider_history_append_only", "the history is append-only");
        migrationBuilder.EnableAppendOnlyWith("service_catalogue_versions", "provider_history_append_only");
        migrationBuilder.EnableAppendOnlyWith("provider_changes", "provider_history_append_only");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE provider_changes;
            DROP TABLE service_catalogue_versions;
            DROP TABLE service_items;
            DROP TABLE sanctions;
            DROP TABLE care_workers;
            DROP FUNCTION provider_history_append_only();
            DROP FUNCTION sanctions_end_only();
            DROP INDEX ix_institutions_tenant_id_name;
            ALTER TABLE institutions
                DROP CONSTRAINT ck_institutions_provider_kind,
                DROP CONSTRAINT ck_institutions_agreement,
                DROP CONSTRAINT ck_institutions_medical_level,
                DROP COLUMN provider_kind,
                DROP COLUMN agreement_from,
                DROP COLUMN agreement_to,
                DROP COLUMN bank_name,
                DROP COLUMN bank_account_name,
                DROP COLUMN bank_account_number,
                DROP COLUMN liability_insurance_policy,
                DROP COLUMN liability_insurance_to,
                DROP COLUMN status_reason;
            """);
    }
}
