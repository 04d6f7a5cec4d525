using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>The register keeps a person's residential address (参保登记: 住址), shown on the detail page only.</summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261123001200_PersonAddress")]
public sealed class PersonAddress : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE insured_people ADD COLUMN address character varying(200) NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE insured_people DROP COLUMN address;");
    }
}
