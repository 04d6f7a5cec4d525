using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Institutions record their service modes with the one vocabulary of service modes (<c>ServiceMode</c>): the codes
/// the engine, the ledger and the calculator use (institutional → institution, home_visit → home, medical_ward →
/// medical_special). Row-level security is forced even for the owner, so the rows are rewritten tenant by tenant.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261128000000_ServiceModeCodes")]
public sealed class ServiceModeCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Rewrite(("institutional", "institution"), ("home_visit", "home"), ("medical_ward", "medical_special")));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Rewrite(("institution", "institutional"), ("home", "home_visit"), ("medical_special", "medical_ward")));
    }

    private static string Rewrite(params (string From, string To)[] codes)
    {
        var modes = "service_modes";
        foreach (var (from, to) in codes)
            modes = $"array_replace({modes}, '{from}', '{to}')";
        return $"""
            DO $$
            DECLARE tenant text;
            BEGIN
                FOR tenant IN SELECT id FROM tenants LOOP
                    PERFORM set_config('{TenantSession.SettingName}', tenant, true);
                    UPDATE institutions SET service_modes = {modes};
                END LOOP;
                PERFORM set_config('{TenantSession.SettingName}', '', true);
            END $$;
            """;
    }
}
