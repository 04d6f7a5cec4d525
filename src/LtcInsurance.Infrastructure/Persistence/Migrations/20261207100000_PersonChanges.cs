using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Person records a clerk maintains (issue #11, item 1).
/// <list type="bullet">
/// <item><c>person_changes</c>: every change of a person's register entry, by a clerk's use case or a register import:
/// field, before, after, note, who, when. A tenant table under row-level security (FORCE); the application role may
/// read and insert only, and a trigger, which binds the owner too, refuses every UPDATE, DELETE and TRUNCATE.</item>
/// <item><c>import_jobs.categories_listed</c>: the file has a 人员类别 column, so a category it no longer lists is ended.</item>
/// </list>
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207100000_PersonChanges")]
public sealed class PersonChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE import_jobs ADD COLUMN categories_listed boolean NOT NULL DEFAULT false;
            ALTER TABLE import_jobs ALTER COLUMN categories_listed DROP DEFAULT;

            CREATE TABLE person_changes (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                person_id uuid NOT NULL,
                field character varying(32) NOT NULL,
                before_value character varying(500) NULL,
                after_value character varying(500) NULL,
                note character varying(500) NULL,
                import_job_id uuid NULL,
                changed_by character varying(256) NOT NULL,
                changed_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_person_changes PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_person_changes_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_person_changes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_person_changes_tenant_id_person_id_changed_at ON person_changes (tenant_id, person_id, changed_at);
            CREATE INDEX ix_person_changes_tenant_id_import_job_id ON person_changes (tenant_id, import_job_id);
            """);
        migrationBuilder.EnableAppendOnly("person_changes", "the history of a person's register entry is append-only");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE person_changes;
            DROP FUNCTION person_changes_append_only();
            ALTER TABLE import_jobs DROP COLUMN categories_listed;
            """);
    }
}
