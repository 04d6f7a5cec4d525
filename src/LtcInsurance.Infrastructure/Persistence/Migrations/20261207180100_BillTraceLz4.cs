using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// A bill's trace (jsonb, a few kilobytes: the engine's steps with their clauses and parameters) is compressed with lz4
/// instead of PostgreSQL's default pglz (issue #15 item 3): every bill of a billing run is compressed on its own when it
/// is written, and lz4 does that several times faster. Rows written before keep their pglz values; both read alike.
/// Needs a server built with lz4 (the Debian and official PostgreSQL 15 packages are).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207180100_BillTraceLz4")]
public sealed class BillTraceLz4 : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE contribution_bills ALTER COLUMN trace SET COMPRESSION lz4;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE contribution_bills ALTER COLUMN trace SET COMPRESSION pglz;");
    }
}
