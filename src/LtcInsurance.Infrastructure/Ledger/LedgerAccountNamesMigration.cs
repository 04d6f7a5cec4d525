using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// A tenant's admin may rename an account (the chart page). The application role gets UPDATE on the name column only:
/// code, type and region stay as they were inserted, so no posting's account can change meaning, and still no row of
/// the chart can be deleted. Names are not part of any entry's hash.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261123001100_LedgerAccountNames")]
public sealed class LedgerAccountNamesMigration : Migration
{
    private const string ApplicationRole = TenantRowLevelSecurity.ApplicationRole;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"GRANT UPDATE (name) ON ledger_accounts TO {ApplicationRole};");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"REVOKE UPDATE (name) ON ledger_accounts FROM {ApplicationRole};");
    }
}
