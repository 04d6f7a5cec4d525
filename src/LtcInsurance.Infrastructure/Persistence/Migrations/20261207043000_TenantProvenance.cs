using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// A tenant opened from its city module records who opened it and when (<c>ltc tenant add</c>, the platform admin's page).
/// Seeded tenants leave both empty.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207043000_TenantProvenance")]
public sealed class TenantProvenance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE tenants
                ADD COLUMN created_by character varying(100) NULL,
                ADD COLUMN created_at timestamp with time zone NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE tenants DROP COLUMN created_at, DROP COLUMN created_by;");
    }
}
