using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The register's name search through the trigram index (issue #15 item 7). Under row-level security PostgreSQL may use
/// a condition in an index scan only when its operator is leakproof, because the scan would evaluate it before the
/// tenant policy; LIKE (<c>textlike</c>) is not leakproof, so for the application role the pg_trgm index
/// <c>ix_insured_people_name</c> is never usable: the planner scans the table, or walks the (tenant_id, name) btree and
/// tests every name. This function finds the ids of the session tenant's people whose name matches a LIKE pattern
/// (backslash escapes) with the owner's rights (the migration role, which row-level security does not hold), so the
/// trigram index serves the match; it returns ids of the tenant set for the transaction only (the same setting the
/// policies read), nothing when none is set. The query is planned at each call with the pattern (EXECUTE … USING), so a
/// rare name is planned on the index. The application joins the ids back to insured_people under its own policies.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207161000_NameSearchFunction")]
public sealed class NameSearchFunction : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION insured_people_named_like(pattern text) RETURNS SETOF uuid
                LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 100 AS $fn$
            BEGIN
                RETURN QUERY EXECUTE
                    'SELECT id FROM insured_people WHERE tenant_id = current_setting(''{{TenantSession.SettingName}}'', true) AND name LIKE $1 ESCAPE ''\'''
                    USING pattern;
            END
            $fn$;
            REVOKE ALL ON FUNCTION insured_people_named_like(text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION insured_people_named_like(text) TO {{TenantRowLevelSecurity.ApplicationRole}};
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP FUNCTION insured_people_named_like(text);");
    }
}
