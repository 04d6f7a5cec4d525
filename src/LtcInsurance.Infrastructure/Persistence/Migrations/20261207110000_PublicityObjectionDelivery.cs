using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Publicity, objection, 复评 and delivery of a conclusion (issue #12 item 5) on <c>assessment_applications</c>: the kind
/// (a first assessment or the 复评 an objection opened, linked to the objected application), the recused agency and
/// staff of a 复评, the publicity period, the objection, and the conclusion letter's due date and delivery. Existing
/// applications are first assessments without recused staff; the defaults fill them only.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207110000_PublicityObjectionDelivery")]
public sealed class PublicityObjectionDelivery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE assessment_applications
                ADD COLUMN kind character varying(16) NOT NULL DEFAULT 'initial',
                ADD COLUMN review_of_id uuid NULL,
                ADD COLUMN recused_agency_id uuid NULL,
                ADD COLUMN recused_staff_ids uuid[] NOT NULL DEFAULT '{}',
                ADD COLUMN publicity_from date NULL,
                ADD COLUMN publicity_to date NULL,
                ADD COLUMN objected_on date NULL,
                ADD COLUMN objection_reason character varying(500) NULL,
                ADD COLUMN review_application_id uuid NULL,
                ADD COLUMN delivery_due_on date NULL,
                ADD COLUMN delivered_on date NULL,
                ADD COLUMN delivery_method character varying(16) NULL,
                ADD CONSTRAINT ck_assessment_applications_kind CHECK (kind IN ('initial', 'review')),
                ADD CONSTRAINT fk_assessment_applications_review_of FOREIGN KEY (tenant_id, review_of_id)
                    REFERENCES assessment_applications (tenant_id, id) ON DELETE RESTRICT;
            ALTER TABLE assessment_applications ALTER COLUMN kind DROP DEFAULT;
            ALTER TABLE assessment_applications ALTER COLUMN recused_staff_ids DROP DEFAULT;
            CREATE INDEX ix_assessment_applications_tenant_id_review_of_id ON assessment_applications (tenant_id, review_of_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP INDEX ix_assessment_applications_tenant_id_review_of_id;
            ALTER TABLE assessment_applications
                DROP CONSTRAINT fk_assessment_applications_review_of,
                DROP CONSTRAINT ck_assessment_applications_kind,
                DROP COLUMN kind, DROP COLUMN review_of_id, DROP COLUMN recused_agency_id, DROP COLUMN recused_staff_ids,
                DROP COLUMN publicity_from, DROP COLUMN publicity_to, DROP COLUMN objected_on, DROP COLUMN objection_reason,
                DROP COLUMN review_application_id, DROP COLUMN delivery_due_on, DROP COLUMN delivered_on, DROP COLUMN delivery_method;
            """);
    }
}
