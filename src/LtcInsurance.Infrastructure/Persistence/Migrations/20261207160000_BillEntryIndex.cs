using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// From an entry to its bills (issue #15 item 3): a billing run books one entry per region and batch, and each bill
/// records that entry's sequence; the entry page lists the bills by it. A btree on (tenant_id, journal_sequence) of the
/// posted bills serves that lookup at a million bills.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207160000_BillEntryIndex")]
public sealed class BillEntryIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE INDEX ix_contribution_bills_tenant_id_journal_sequence ON contribution_bills (tenant_id, journal_sequence)
                WHERE journal_sequence IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_contribution_bills_tenant_id_journal_sequence;");
    }
}
