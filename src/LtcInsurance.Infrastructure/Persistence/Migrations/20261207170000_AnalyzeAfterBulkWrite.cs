using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Fresh planner statistics after a bulk write (issue #15 item 3). A billing run writes a month's bills in one go; until
/// autovacuum analyses the tables, the planner still believes a city has the handful of bills it had before and plans
/// the run's own totals (bills joined to their lines) as a nested loop over everything: at 10,000 people that statement
/// passed Npgsql's 30-second timeout and the job failed. Only a table's owner may ANALYZE, and the application role owns
/// nothing, so this function runs ANALYZE with the owner's rights on the tables named, from a fixed list of the tables
/// bulk work writes; any other name is refused. It reads and changes no rows.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207170000_AnalyzeAfterBulkWrite")]
public sealed class AnalyzeAfterBulkWrite : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION ltc_analyze_after_bulk_write(tables text[]) RETURNS void
                LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
            DECLARE
                t text;
            BEGIN
                FOREACH t IN ARRAY tables LOOP
                    IF t NOT IN ('contribution_bills', 'contribution_bill_lines', 'journal_entries', 'journal_postings',
                                 'insured_people', 'enrollment_periods', 'claim_lines') THEN
                        RAISE EXCEPTION 'table % is not analysed on request', t;
                    END IF;
                    EXECUTE format('ANALYZE %I', t);
                END LOOP;
            END
            $fn$;
            REVOKE ALL ON FUNCTION ltc_analyze_after_bulk_write(text[]) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION ltc_analyze_after_bulk_write(text[]) TO {{TenantRowLevelSecurity.ApplicationRole}};
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP FUNCTION ltc_analyze_after_bulk_write(text[]);");
    }
}
