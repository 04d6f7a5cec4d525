using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Entitlement to benefits (issue #12, item 7):
/// <list type="bullet">
/// <item><c>entitlements</c>: the entitlement after a qualifying conclusion (level, service mode, designated provider,
/// from/to days, waiting period, end reason, the engine's trace);</item>
/// <item><c>care_plans</c> and <c>care_plan_items</c>: the provider's care plan (items, frequency, duration) and the
/// insured's confirmation;</item>
/// <item><c>hospital_stays</c>: admissions and discharges that suspend benefits where the city says so.</item>
/// </list>
/// Tenant tables under row-level security (FORCE); the application role reads, inserts and updates, never deletes.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207120000_Entitlements")]
public sealed class Entitlements : Migration
{
    private static readonly string[] Tables = ["entitlements", "care_plans", "care_plan_items", "hospital_stays"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE entitlements (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                person_id uuid NOT NULL,
                application_id uuid NOT NULL,
                level integer NULL,
                level_label character varying(32) NOT NULL,
                service_mode character varying(32) NOT NULL,
                institution_id uuid NULL,
                "from" date NOT NULL,
                "to" date NULL,
                end_reason character varying(32) NULL,
                waiting_until date NULL,
                trace jsonb NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_entitlements PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_entitlements_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_entitlements_person FOREIGN KEY (tenant_id, person_id)
                    REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_entitlements_application FOREIGN KEY (tenant_id, application_id)
                    REFERENCES assessment_applications (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_entitlements_institution FOREIGN KEY (tenant_id, institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_entitlements_dates CHECK ("to" IS NULL OR "to" >= "from" - 1),
                CONSTRAINT ck_entitlements_end_reason CHECK (end_reason IS NULL OR end_reason IN ('death', 'insurance_lost', 'new_conclusion'))
            );
            CREATE INDEX ix_entitlements_tenant_id_person_id_from ON entitlements (tenant_id, person_id, "from");
            CREATE INDEX ix_entitlements_tenant_id_application_id ON entitlements (tenant_id, application_id);
            CREATE INDEX ix_entitlements_tenant_id_institution_id ON entitlements (tenant_id, institution_id);

            CREATE TABLE care_plans (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                entitlement_id uuid NOT NULL,
                institution_id uuid NOT NULL,
                "from" date NOT NULL,
                "to" date NULL,
                drafted_by character varying(256) NOT NULL,
                drafted_at timestamp with time zone NOT NULL,
                confirmed_by_insured_on date NULL,
                confirmation_recorded_by character varying(256) NULL,
                CONSTRAINT pk_care_plans PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_care_plans_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_care_plans_entitlement FOREIGN KEY (tenant_id, entitlement_id)
                    REFERENCES entitlements (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_care_plans_institution FOREIGN KEY (tenant_id, institution_id)
                    REFERENCES institutions (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_care_plans_dates CHECK ("to" IS NULL OR "to" >= "from")
            );
            CREATE INDEX ix_care_plans_tenant_id_entitlement_id ON care_plans (tenant_id, entitlement_id);
            CREATE INDEX ix_care_plans_tenant_id_institution_id ON care_plans (tenant_id, institution_id);

            CREATE TABLE care_plan_items (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                care_plan_id uuid NOT NULL,
                item_code character varying(64) NOT NULL,
                frequency integer NOT NULL,
                frequency_unit character varying(8) NOT NULL,
                duration_minutes integer NULL,
                CONSTRAINT pk_care_plan_items PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_care_plan_items_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_care_plan_items_care_plan FOREIGN KEY (tenant_id, care_plan_id)
                    REFERENCES care_plans (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_care_plan_items_frequency CHECK (frequency > 0 AND frequency_unit IN ('week', 'month')),
                CONSTRAINT ck_care_plan_items_duration CHECK (duration_minutes IS NULL OR duration_minutes > 0)
            );
            CREATE INDEX ix_care_plan_items_tenant_id_care_plan_id ON care_plan_items (tenant_id, care_plan_id);

            CREATE TABLE hospital_stays (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                person_id uuid NOT NULL,
                admitted date NOT NULL,
                discharged date NULL,
                hospital character varying(200) NOT NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                discharge_recorded_by character varying(256) NULL,
                discharge_recorded_at timestamp with time zone NULL,
                CONSTRAINT pk_hospital_stays PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_hospital_stays_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_hospital_stays_person FOREIGN KEY (tenant_id, person_id)
                    REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT ck_hospital_stays_dates CHECK (discharged IS NULL OR discharged >= admitted)
            );
            CREATE INDEX ix_hospital_stays_tenant_id_person_id_admitted ON hospital_stays (tenant_id, person_id, admitted);
            """);
        migrationBuilder.EnableTenantRowLevelSecurity(Tables);
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT, UPDATE", Tables);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE care_plan_items, care_plans, hospital_stays, entitlements;");
    }
}
