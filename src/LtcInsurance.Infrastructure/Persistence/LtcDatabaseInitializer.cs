using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>Brings a database to the current schema and checks that tenants are walled off before the app uses it.</summary>
public sealed partial class LtcDatabaseInitializer(string ownerConnectionString, string? appConnectionString, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task InitializeAsync(bool seedDemoData, CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        if (appConnectionString is not null)
        {
            await GrantApplicationRoleAsync(ct);
            await VerifyApplicationRoleAsync(appConnectionString, ct);
        }

        await VerifyRowLevelSecurityAsync(ct);
        if (seedDemoData)
        {
            await using (var db = new LtcDbContext(LtcDbContextOptions.ForOwner(ownerConnectionString), new FixedCurrentTenant()))
            {
                await Seeding.DemoData.SeedAsync(db, ct);
                // Demo values (演示值) for the figures the documents leave open, so that every city's demo can bill.
                await Seeding.DemoParameters.SeedAsync(db, Seeding.DemoData.Tenants, TimeProvider.System, ct);
            }

            await Ledger.LedgerDemoData.SeedChartsAsync(ownerConnectionString, TenantIds.All, ct);
            // Enrolment, billing and payments through the use cases, as the application role when there is one.
            await Seeding.DemoContributions.SeedAsync(appConnectionString ?? ownerConnectionString, Seeding.DemoData.Tenants,
                TimeProvider.System, _logger, ct);
            // A demo assessment agency per city with the demo assessor's worklist (演示值), through the use cases.
            await Seeding.DemoAssessment.SeedAsync(appConnectionString ?? ownerConnectionString, Seeding.DemoData.Tenants,
                TimeProvider.System, _logger, ct);
            await Ledger.LedgerDemoData.SeedAsync(ownerConnectionString, TenantIds.All, ct);
            LogDemoDataPresent(_logger);
        }
    }

    /// <summary>Applies pending migrations as the owner role.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(ownerConnectionString), new FixedCurrentTenant());
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        foreach (var migration in pending)
            LogApplyingMigration(_logger, migration);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Makes the application's login role a member of the privilege-carrying role the migrations grant to.</summary>
    public async Task GrantApplicationRoleAsync(CancellationToken ct = default)
    {
        var appUser = new NpgsqlConnectionStringBuilder(appConnectionString).Username;
        if (string.IsNullOrEmpty(appUser))
            return;
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var isMember = new NpgsqlCommand("SELECT pg_has_role($1, $2, 'MEMBER')", connection);
        isMember.Parameters.Add(new NpgsqlParameter { Value = appUser });
        isMember.Parameters.Add(new NpgsqlParameter { Value = TenantRowLevelSecurity.ApplicationRole });
        if (await isMember.ExecuteScalarAsync(ct) is true)
            return;
        await using var grant = new NpgsqlCommand(
            $"GRANT {TenantRowLevelSecurity.ApplicationRole} TO {QuoteIdentifier(appUser)}", connection);
        await grant.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Refuses a connection whose role could see every tenant's rows: superusers and BYPASSRLS roles skip row-level
    /// security, and table owners are exempt unless FORCE is set, so the application role must own nothing.
    /// </summary>
    public static async Task VerifyApplicationRoleAsync(string appConnectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(appConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace)
            FROM pg_roles r
            WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var role = reader.GetString(0);
        var problems = new List<string>();
        if (reader.GetBoolean(1))
            problems.Add("is a superuser");
        if (reader.GetBoolean(2))
            problems.Add("has BYPASSRLS");
        if (reader.GetInt64(3) > 0)
            problems.Add($"owns {reader.GetInt64(3)} objects in schema public");
        if (problems.Count > 0)
        {
            throw new DatabaseSecurityException(
                $"Refusing to start: the application database role '{role}' {string.Join(", ", problems)}, so row-level " +
                "security would not separate tenants. Connect the application (ConnectionStrings:Ltc) with a role " +
                "created LOGIN NOSUPERUSER NOBYPASSRLS that owns nothing; migrations use ConnectionStrings:LtcOwner. " +
                $"拒绝启动：应用数据库角色 {role} 可绕过行级安全，无法隔离各统筹地区数据。");
        }
    }

    /// <summary>Every tenant-owned table of the model must have forced row-level security with the tenant policy.</summary>
    public async Task VerifyRowLevelSecurityAsync(CancellationToken ct = default)
    {
        await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(ownerConnectionString), new FixedCurrentTenant());
        var tenantTables = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .Distinct()
            .ToArray();
        var unprotected = await UnprotectedTablesAsync(ownerConnectionString, tenantTables, ct);
        if (unprotected.Count > 0)
        {
            throw new DatabaseSecurityException(
                $"Refusing to start: tenant tables without forced row-level security and the {TenantRowLevelSecurity.PolicyName} " +
                $"policy: {string.Join(", ", unprotected)}. Add migrationBuilder.EnableTenantRowLevelSecurity(table) to their migration. " +
                "拒绝启动：部分租户数据表未启用行级安全。");
        }
    }

    /// <summary>Of <paramref name="tables"/>, those lacking ENABLE + FORCE row-level security or the tenant policy.</summary>
    public static async Task<IReadOnlyList<string>> UnprotectedTablesAsync(string connectionString,
        IReadOnlyCollection<string> tables, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT t.name
            FROM unnest($1::text[]) AS t(name)
            LEFT JOIN pg_class c ON c.relname = t.name AND c.relnamespace = 'public'::regnamespace
            WHERE c.oid IS NULL OR NOT c.relrowsecurity OR NOT c.relforcerowsecurity
               OR NOT EXISTS (SELECT FROM pg_policies p
                              WHERE p.schemaname = 'public' AND p.tablename = t.name AND p.policyname = $2)
            ORDER BY t.name
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tables.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = TenantRowLevelSecurity.PolicyName });
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(reader.GetString(0));
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration {Migration}")]
    private static partial void LogApplyingMigration(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tenants, users, registers, demo parameter values, enrolments, bills and books are present")]
    private static partial void LogDemoDataPresent(ILogger logger);

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
