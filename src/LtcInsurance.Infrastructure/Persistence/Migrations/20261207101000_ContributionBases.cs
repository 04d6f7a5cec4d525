using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Contribution bases (issue #11, item 2).
/// <list type="bullet">
/// <item><c>contribution_bases</c>: a person's monthly wage or pension base for a stretch of months, where it came from
/// (register import, base file, form), who recorded it and when. A tenant table under row-level security (FORCE); the
/// application role reads and inserts only and a trigger refuses UPDATE, DELETE and TRUNCATE: a new base supersedes an
/// older one for the months it covers, the older row stays as history.</item>
/// <item><c>billing_runs.reasons</c>: why the run billed nobody or skipped people, as counts per reason (JSON object).</item>
/// </list>
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207101000_ContributionBases")]
public sealed class ContributionBases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE contribution_bases (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                person_id uuid NOT NULL,
                kind character varying(16) NOT NULL,
                from_month date NOT NULL,
                to_month date NOT NULL,
                amount numeric(18,2) NOT NULL,
                source character varying(32) NOT NULL,
                source_job_id uuid NULL,
                recorded_by character varying(256) NOT NULL,
                recorded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_contribution_bases PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_contribution_bases_insured_people_tenant_id_person_id FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id) ON DELETE RESTRICT,
                CONSTRAINT fk_contribution_bases_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_contribution_bases_tenant_id_person_id_kind ON contribution_bases (tenant_id, person_id, kind);
            CREATE INDEX ix_contribution_bases_tenant_id_from_month_to_month ON contribution_bases (tenant_id, from_month, to_month);

            ALTER TABLE billing_runs ADD COLUMN reasons jsonb NULL;
            """);
        migrationBuilder.EnableAppendOnly("contribution_bases", "a base is superseded by a newer one, never changed");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE billing_runs DROP COLUMN reasons;
            DROP TABLE contribution_bases;
            DROP FUNCTION contribution_bases_append_only();
            """);
    }
}
