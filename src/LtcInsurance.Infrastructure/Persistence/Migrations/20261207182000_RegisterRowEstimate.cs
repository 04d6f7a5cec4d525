using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The size of the register of everybody without counting it (issue #15 item 7): the people list's first page counted up
/// to 10,001 rows on every load, the one heavy part of a page at a million people. This function returns the planner's
/// row estimate for the session tenant's people (<c>EXPLAIN</c> of <c>SELECT 1 FROM insured_people WHERE tenant_id =
/// '…'</c>: the table's statistics, the tenant's share of them, scaled by the planner to the table's current size), run
/// with the owner's rights (the migration role, which row-level security does not hold): the application role's own
/// EXPLAIN sees the policy's <c>current_setting</c>, not the tenant, and estimates an average over tenants. It reads no
/// row and returns 0 when no tenant is set. VOLATILE: PostgreSQL runs no EXPLAIN inside a STABLE function.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207182000_RegisterRowEstimate")]
public sealed class RegisterRowEstimate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION insured_people_row_estimate() RETURNS bigint
                LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
            DECLARE
                tenant text := current_setting('{{TenantSession.SettingName}}', true);
                plan json;
            BEGIN
                IF tenant IS NULL OR tenant = '' THEN
                    RETURN 0;
                END IF;
                EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM insured_people WHERE tenant_id = %L', tenant) INTO plan;
                RETURN round((plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric)::bigint;
            END
            $fn$;
            REVOKE ALL ON FUNCTION insured_people_row_estimate() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION insured_people_row_estimate() TO {{TenantRowLevelSecurity.ApplicationRole}};
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP FUNCTION insured_people_row_estimate();");
    }
}
