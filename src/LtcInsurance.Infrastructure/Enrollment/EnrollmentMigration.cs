using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Enrollment;

/// <summary>
/// Enrollment history, person categories, guardians and deaths; contribution bills, their lines and payments; register
/// import jobs and their staged rows. Hand-written (ADR 0003): the DDL is what EF generates for the model, and the
/// schema-equality test keeps the two equal. Every table is tenant-owned with forced row-level security.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261123000200_Enrollment")]
public sealed class EnrollmentMigration : Migration
{
    internal static readonly string[] TenantTables =
    [
        "enrollment_periods", "person_status_periods", "guardian_links", "death_records",
        "contribution_bills", "contribution_bill_lines", "contribution_payments", "import_jobs", "import_rows",
    ];

    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Tables);
        foreach (var table in TenantTables)
            migrationBuilder.EnableTenantRowLevelSecurity(table);

        // Bills, their lines and payments are financial records: the application may add and annotate them (the
        // journal sequence once posted) but never delete them. Staged import rows are replaced when a job restarts.
        migrationBuilder.Sql($"""
            REVOKE ALL ON contribution_bills, contribution_bill_lines, contribution_payments FROM PUBLIC, {ApplicationRole};
            GRANT SELECT, INSERT ON contribution_bill_lines TO {ApplicationRole};
            GRANT SELECT, INSERT, UPDATE ON contribution_bills, contribution_payments TO {ApplicationRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON enrollment_periods, person_status_periods, guardian_links, death_records,
                import_jobs, import_rows TO {ApplicationRole};
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE import_rows, import_jobs, contribution_payments, contribution_bill_lines, contribution_bills,
                death_records, guardian_links, person_status_periods, enrollment_periods;
            """);
    }

    private const string Tables = """
        CREATE TABLE import_jobs (
            tenant_id character varying(32) NOT NULL,
            id uuid NOT NULL,
            file_name character varying(260) NOT NULL,
            format character varying(8) NOT NULL,
            status character varying(16) NOT NULL,
            total_rows integer NOT NULL,
            valid_rows integer NOT NULL,
            error_rows integer NOT NULL,
            applied_rows integer NOT NULL,
            message character varying(500),
            created_at timestamp with time zone NOT NULL,
            updated_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_import_jobs PRIMARY KEY (tenant_id, id),
            CONSTRAINT fk_import_jobs_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE import_rows (
            tenant_id character varying(32) NOT NULL,
            job_id uuid NOT NULL,
            row_number integer NOT NULL,
            person_id uuid NOT NULL,
            id_number text,
            name text,
            sex text,
            birth_date date,
            phone text,
            region_code text,
            medical_insurance text,
            employment text,
            statuses text[] NOT NULL,
            enrolled_from date,
            scheme text,
            error_columns text[] NOT NULL,
            error_messages text[] NOT NULL,
            CONSTRAINT pk_import_rows PRIMARY KEY (tenant_id, job_id, row_number),
            CONSTRAINT fk_import_rows_import_jobs_tenant_id_job_id FOREIGN KEY (tenant_id, job_id) REFERENCES import_jobs (tenant_id, id) ON DELETE CASCADE,
            CONSTRAINT fk_import_rows_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE contribution_bills (
            tenant_id character varying(32) NOT NULL,
            id uuid NOT NULL,
            period character varying(7) NOT NULL,
            person_id uuid NOT NULL,
            scheme character varying(16) NOT NULL,
            region_code character(6) NOT NULL,
            total numeric(18,2) NOT NULL,
            individual_due numeric(18,2) NOT NULL,
            trace jsonb NOT NULL,
            journal_sequence bigint,
            created_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_contribution_bills PRIMARY KEY (tenant_id, id),
            CONSTRAINT fk_contribution_bills_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_contribution_bills_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE death_records (
            tenant_id character varying(32) NOT NULL,
            person_id uuid NOT NULL,
            date_of_death date NOT NULL,
            recorded_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_death_records PRIMARY KEY (tenant_id, person_id),
            CONSTRAINT fk_death_records_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_death_records_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE enrollment_periods (
            tenant_id character varying(32) NOT NULL,
            id uuid NOT NULL,
            person_id uuid NOT NULL,
            scheme character varying(16) NOT NULL,
            start_date date NOT NULL,
            end_date date,
            monthly_base numeric(18,2),
            CONSTRAINT pk_enrollment_periods PRIMARY KEY (tenant_id, id),
            CONSTRAINT fk_enrollment_periods_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_enrollment_periods_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE guardian_links (
            tenant_id character varying(32) NOT NULL,
            minor_id uuid NOT NULL,
            guardian_id uuid NOT NULL,
            relationship character varying(16) NOT NULL,
            since date NOT NULL,
            CONSTRAINT pk_guardian_links PRIMARY KEY (tenant_id, minor_id),
            CONSTRAINT fk_guardian_links_insured_people_tenant_id_guardian_id FOREIGN KEY (tenant_id, guardian_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_guardian_links_insured_people_tenant_id_minor_id FOREIGN KEY (tenant_id, minor_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_guardian_links_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE person_status_periods (
            tenant_id character varying(32) NOT NULL,
            id uuid NOT NULL,
            person_id uuid NOT NULL,
            status character varying(32) NOT NULL,
            from_date date NOT NULL,
            to_date date,
            CONSTRAINT pk_person_status_periods PRIMARY KEY (tenant_id, id),
            CONSTRAINT fk_person_status_periods_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_person_status_periods_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE contribution_bill_lines (
            tenant_id character varying(32) NOT NULL,
            bill_id uuid NOT NULL,
            payer character varying(32) NOT NULL,
            amount numeric(18,2) NOT NULL,
            CONSTRAINT pk_contribution_bill_lines PRIMARY KEY (tenant_id, bill_id, payer),
            CONSTRAINT fk_contribution_bill_lines_contribution_bills_tenant_id_bill_id FOREIGN KEY (tenant_id, bill_id) REFERENCES contribution_bills (tenant_id, id) ON DELETE CASCADE,
            CONSTRAINT fk_contribution_bill_lines_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE TABLE contribution_payments (
            tenant_id character varying(32) NOT NULL,
            id uuid NOT NULL,
            bill_id uuid NOT NULL,
            reference character varying(64) NOT NULL,
            amount numeric(18,2) NOT NULL,
            paid_on date NOT NULL,
            journal_sequence bigint,
            recorded_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_contribution_payments PRIMARY KEY (tenant_id, id),
            CONSTRAINT fk_contribution_payments_contribution_bills_tenant_id_bill_id FOREIGN KEY (tenant_id, bill_id) REFERENCES contribution_bills (tenant_id, id) ON DELETE RESTRICT,
            CONSTRAINT fk_contribution_payments_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
        );

        CREATE UNIQUE INDEX ix_contribution_bills_tenant_id_period_person_id ON contribution_bills (tenant_id, period, person_id);

        CREATE INDEX ix_contribution_bills_tenant_id_person_id ON contribution_bills (tenant_id, person_id);

        CREATE INDEX ix_contribution_payments_tenant_id_bill_id ON contribution_payments (tenant_id, bill_id);

        CREATE UNIQUE INDEX ix_contribution_payments_tenant_id_reference ON contribution_payments (tenant_id, reference);

        CREATE UNIQUE INDEX ix_enrollment_periods_tenant_id_person_id_start_date ON enrollment_periods (tenant_id, person_id, start_date);

        CREATE INDEX ix_guardian_links_tenant_id_guardian_id ON guardian_links (tenant_id, guardian_id);

        CREATE UNIQUE INDEX ix_person_status_periods_tenant_id_person_id_status_from_date ON person_status_periods (tenant_id, person_id, status, from_date);
        """;
}
