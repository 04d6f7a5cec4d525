using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The register's name search at a million people (issue #15 item 7): pg_trgm (a trusted extension, created by the
/// owner role that runs the migrations) and a GIN trigram index on <c>insured_people.name</c>, which serves
/// <c>name LIKE '%…%'</c> for three or more characters. Shorter names are a range on the existing (tenant_id, name)
/// btree; ID numbers use the unique (tenant_id, id_number) index.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207125000_RegisterSearchIndexes")]
public sealed class RegisterSearchIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX ix_insured_people_name ON insured_people USING gin (name gin_trgm_ops);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX ix_insured_people_name;");
    }
}
