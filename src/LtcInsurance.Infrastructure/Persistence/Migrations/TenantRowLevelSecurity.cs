using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Second wall of tenancy, for hand-written migrations: every tenant-owned table gets row-level security that
/// even its owner obeys (FORCE), with one policy admitting rows of the tenant in <c>ltc.tenant</c> for reading
/// (USING) and writing (WITH CHECK).
/// </summary>
public static class TenantRowLevelSecurity
{
    public const string PolicyName = "tenant_isolation";

    /// <summary>The NOLOGIN role that carries the application's privileges; login roles are made members of it.</summary>
    public const string ApplicationRole = "ltc_application";

    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(EnableSql(table));

    public static string EnableSql(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY {PolicyName} ON {table}
            USING (tenant_id = current_setting('{TenantSession.SettingName}', true))
            WITH CHECK (tenant_id = current_setting('{TenantSession.SettingName}', true));
        """;
}
