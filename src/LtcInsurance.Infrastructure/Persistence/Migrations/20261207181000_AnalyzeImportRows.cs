using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The register import's staged rows join the tables <c>ltc_analyze_after_bulk_write</c> analyses on request (issue #15
/// item 2). A file is staged into import_rows before any row is applied; until autovacuum comes by, the planner believes
/// the new import has no rows and plans each apply batch for one. The import asks for fresh statistics once, after
/// staging. Same function, same rights (owner's, fixed list), one name more.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207181000_AnalyzeImportRows")]
public sealed class AnalyzeImportRows : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Function("""
            'contribution_bills', 'contribution_bill_lines', 'journal_entries', 'journal_postings',
                                 'insured_people', 'enrollment_periods', 'claim_lines', 'import_rows'
            """));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Function("""
            'contribution_bills', 'contribution_bill_lines', 'journal_entries', 'journal_postings',
                                 'insured_people', 'enrollment_periods', 'claim_lines'
            """));
    }

    /// <summary>The function of migration AnalyzeAfterBulkWrite with <paramref name="tables"/> as its list (grants unchanged).</summary>
    private static string Function(string tables) => $$"""
        CREATE OR REPLACE FUNCTION ltc_analyze_after_bulk_write(tables text[]) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
        DECLARE
            t text;
        BEGIN
            FOREACH t IN ARRAY tables LOOP
                IF t NOT IN ({{tables}}) THEN
                    RAISE EXCEPTION 'table % is not analysed on request', t;
                END IF;
                EXECUTE format('ANALYZE %I', t);
            END LOOP;
        END
        $fn$;
        """;
}
