using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Claim lines keep half of each heap page free (issue #15 item 5, ADR 0010). A line is written at submission and
/// rewritten once at approval (its fund and individual shares, its rejection), in the approval's transaction for every
/// line of up to ~1,000 beneficiaries at once. On full pages each of those rewrites is a new tuple elsewhere and a new
/// entry in every one of the table's five indexes; with room on the page it is a heap-only (HOT) update, and the indexes
/// are not touched. No indexed column changes at approval. Pages written before this migration keep their fill.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261208020000_ClaimLinesFillFactor")]
public sealed class ClaimLinesFillFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE claim_lines SET (fillfactor = 50);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE claim_lines RESET (fillfactor);");
    }
}
