using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Disability assessment, from application to a confirmed conclusion (issue #12, items 1, 3, 4):
/// <list type="bullet">
/// <item><c>assessment_applications</c>: applications, their acceptance decision, assignment and conclusion;</item>
/// <item><c>assessment_agencies</c>, <c>assessors</c>, <c>assessment_relations</c>: designated agencies with agreement
/// dates, their staff with qualifications and sign-in, and relations staff declared to people (recusal);</item>
/// <item><c>assessment_records</c>: on-site assessments with scores, level and trace, and the two experts' confirmations
/// (a check constraint refuses the same user confirming twice).</item>
/// </list>
/// Tenant tables under row-level security (FORCE). The application role may not delete applications, declared relations
/// or on-site records.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207103000_DisabilityAssessment")]
public sealed class DisabilityAssessment : Migration
{
    private static readonly string[] Tables =
        ["assessment_agencies", "assessors", "assessment_relations", "assessment_applications", "assessment_records"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE assessment_agencies (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                code character varying(32) NOT NULL,
                name character varying(200) NOT NULL,
                agreement_from date NOT NULL,
                agreement_to date NULL,
                care_institution_id uuid NULL,
                acts_as_handling_agency boolean NOT NULL,
                CONSTRAINT pk_assessment_agencies PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_assessment_agencies_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_agencies_care_institution FOREIGN KEY (tenant_id, care_institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT
            );
            CREATE UNIQUE INDEX ix_assessment_agencies_tenant_id_code ON assessment_agencies (tenant_id, code);
            CREATE INDEX ix_assessment_agencies_tenant_id_care_institution_id ON assessment_agencies (tenant_id, care_institution_id);

            CREATE TABLE assessors (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                agency_id uuid NOT NULL,
                name character varying(100) NOT NULL,
                qualification character varying(16) NOT NULL,
                certificate_number character varying(64) NOT NULL,
                user_name character varying(256) NULL,
                CONSTRAINT pk_assessors PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_assessors_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessors_assessment_agencies_tenant_id_agency_id FOREIGN KEY (tenant_id, agency_id)
                    REFERENCES assessment_agencies (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_assessors_qualification CHECK (qualification IN ('assessor', 'expert'))
            );
            CREATE INDEX ix_assessors_tenant_id_agency_id ON assessors (tenant_id, agency_id);
            CREATE UNIQUE INDEX ix_assessors_tenant_id_user_name ON assessors (tenant_id, user_name);

            CREATE TABLE assessment_relations (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                assessor_id uuid NOT NULL,
                person_id uuid NOT NULL,
                relation character varying(100) NOT NULL,
                declared_on date NOT NULL,
                CONSTRAINT pk_assessment_relations PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_assessment_relations_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_relations_assessors_tenant_id_assessor_id FOREIGN KEY (tenant_id, assessor_id)
                    REFERENCES assessors (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_relations_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id)
                    REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_assessment_relations_tenant_id_assessor_id ON assessment_relations (tenant_id, assessor_id);
            CREATE INDEX ix_assessment_relations_tenant_id_person_id ON assessment_relations (tenant_id, person_id);

            CREATE TABLE assessment_applications (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                person_id uuid NOT NULL,
                applicant_kind character varying(16) NOT NULL,
                applicant_name character varying(100) NOT NULL,
                applying_institution_id uuid NULL,
                care_institution_id uuid NULL,
                applied_on date NOT NULL,
                disabled_since date NULL,
                condition_changed boolean NOT NULL,
                provided_documents text[] NOT NULL,
                status character varying(16) NOT NULL,
                acceptance_due_on date NOT NULL,
                complete_by date NOT NULL,
                decision_code character varying(64) NULL,
                decision_clause character varying(300) NULL,
                decision_message character varying(1000) NULL,
                decided_on date NULL,
                agency_id uuid NULL,
                assigned_on date NULL,
                assessment_due_on date NULL,
                concluded_on date NULL,
                conclusion_level integer NULL,
                conclusion_level_label character varying(32) NULL,
                conclusion_instrument character varying(32) NULL,
                registered_by character varying(256) NOT NULL,
                registered_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_assessment_applications PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_assessment_applications_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_applications_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id)
                    REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_applications_applying_institution FOREIGN KEY (tenant_id, applying_institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_applications_care_institution FOREIGN KEY (tenant_id, care_institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_applications_agency FOREIGN KEY (tenant_id, agency_id)
                    REFERENCES assessment_agencies (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_assessment_applications_status CHECK (status IN ('registered', 'incomplete', 'accepted', 'refused', 'withdrawn', 'assigned', 'assessed', 'concluded'))
            );
            CREATE INDEX ix_assessment_applications_tenant_id_person_id ON assessment_applications (tenant_id, person_id);
            CREATE INDEX ix_assessment_applications_tenant_id_status ON assessment_applications (tenant_id, status);
            CREATE INDEX ix_assessment_applications_tenant_id_applying_institution_id ON assessment_applications (tenant_id, applying_institution_id);
            CREATE INDEX ix_assessment_applications_tenant_id_care_institution_id ON assessment_applications (tenant_id, care_institution_id);
            CREATE INDEX ix_assessment_applications_tenant_id_agency_id ON assessment_applications (tenant_id, agency_id);

            CREATE TABLE assessment_records (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                application_id uuid NOT NULL,
                agency_id uuid NOT NULL,
                assessed_on date NOT NULL,
                staff_ids uuid[] NOT NULL,
                attendant_name character varying(100) NOT NULL,
                attendant_relation character varying(50) NOT NULL,
                evidence_references character varying(2000) NOT NULL,
                instrument character varying(32) NOT NULL,
                items jsonb NOT NULL,
                totals jsonb NOT NULL,
                level integer NULL,
                level_label character varying(32) NULL,
                eligible_for_benefit boolean NOT NULL,
                trace jsonb NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                first_expert_id uuid NULL,
                first_confirmed_by character varying(256) NULL,
                first_confirmed_on date NULL,
                second_expert_id uuid NULL,
                second_confirmed_by character varying(256) NULL,
                second_confirmed_on date NULL,
                CONSTRAINT pk_assessment_records PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_assessment_records_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_records_application FOREIGN KEY (tenant_id, application_id)
                    REFERENCES assessment_applications (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_assessment_records_assessment_agencies_tenant_id_agency_id FOREIGN KEY (tenant_id, agency_id)
                    REFERENCES assessment_agencies (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_assessment_records_two_experts CHECK (second_confirmed_by IS NULL OR (first_confirmed_by IS NOT NULL AND lower(second_confirmed_by) <> lower(first_confirmed_by) AND second_expert_id <> first_expert_id)),
                CONSTRAINT ck_assessment_records_staff CHECK (cardinality(staff_ids) >= 2)
            );
            CREATE UNIQUE INDEX ix_assessment_records_tenant_id_application_id ON assessment_records (tenant_id, application_id);
            CREATE INDEX ix_assessment_records_tenant_id_agency_id ON assessment_records (tenant_id, agency_id);
            """);
        migrationBuilder.EnableTenantRowLevelSecurity(Tables);
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE", Tables);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE assessment_records, assessment_applications, assessment_relations, assessors, assessment_agencies;");
    }
}
