using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Second wall of tenancy, for hand-written migrations: every tenant-owned table gets row-level security that
/// even its owner obeys (FORCE), with one policy admitting rows of the tenant in <c>ltc.tenant</c> for reading
/// (USING) and writing (WITH CHECK). Also the privileges of the application role and the triggers that keep
/// histories append-only, so that every migration writes them the same way.
/// </summary>
public static class TenantRowLevelSecurity
{
    public const string PolicyName = "tenant_isolation";

    /// <summary>The NOLOGIN role that carries the application's privileges; login roles are made members of it.</summary>
    public const string ApplicationRole = "ltc_application";

    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in tables)
            migrationBuilder.Sql(EnableSql(table));
    }

    public static string EnableSql(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY {PolicyName} ON {table}
            USING (tenant_id = current_setting('{TenantSession.SettingName}', true))
            WITH CHECK (tenant_id = current_setting('{TenantSession.SettingName}', true));
        """;

    /// <summary>
    /// Leaves the application role exactly <paramref name="privileges"/> on <paramref name="tables"/> (and PUBLIC
    /// nothing), replacing the default privileges set by the first migration. Column privileges are written as SQL
    /// writes them: <c>"SELECT, INSERT, UPDATE (valid_to)"</c>.
    /// </summary>
    public static void GrantApplicationOnly(this MigrationBuilder migrationBuilder, string privileges, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var list = string.Join(", ", tables);
        migrationBuilder.Sql($"""
            REVOKE ALL ON {list} FROM PUBLIC, {ApplicationRole};
            GRANT {privileges} ON {list} TO {ApplicationRole};
            """);
    }

    /// <summary>
    /// An append-only tenant table: row-level security (FORCE), SELECT and INSERT only for the application role, and
    /// a trigger, which binds the owner too, refusing UPDATE, DELETE and TRUNCATE with
    /// "<c>{table}: UPDATE refused ({reason})</c>" (SQLSTATE 42501). The trigger function is
    /// <c>{table}_append_only()</c> unless <paramref name="function"/> names it; Down drops it with the table's
    /// <c>DROP FUNCTION</c>.
    /// </summary>
    public static void EnableAppendOnly(this MigrationBuilder migrationBuilder, string table, string reason,
        string? function = null)
    {
        function ??= $"{table}_append_only";
        migrationBuilder.CreateRefusalFunction(function, reason, table);
        migrationBuilder.EnableAppendOnlyWith(table, function);
    }

    /// <summary>
    /// An append-only platform table (no tenant, no row-level security, e.g. <c>platform_audit_events</c>): SELECT and
    /// INSERT only for the application role, and the refusal trigger of <see cref="EnableAppendOnly"/> (function
    /// <c>{table}_append_only()</c>), which binds the owner too.
    /// </summary>
    public static void EnablePlatformAppendOnly(this MigrationBuilder migrationBuilder, string table, string reason)
    {
        var function = $"{table}_append_only";
        migrationBuilder.CreateRefusalFunction(function, reason, table);
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT", table);
        migrationBuilder.RefuseChangesWith(table, function);
    }

    /// <summary>
    /// Like <see cref="EnableAppendOnly"/>, with a refusal function already created (one shared by several tables,
    /// see <see cref="CreateRefusalFunction"/>).
    /// </summary>
    public static void EnableAppendOnlyWith(this MigrationBuilder migrationBuilder, string table, string function)
    {
        migrationBuilder.GrantApplicationOnly("SELECT, INSERT", table);
        migrationBuilder.RefuseChangesWith(table, function);
        migrationBuilder.EnableTenantRowLevelSecurity(table);
    }

    /// <summary>
    /// A trigger function that refuses whatever fires it with "<c>{table}: UPDATE refused ({reason})</c>"
    /// (SQLSTATE 42501). Without <paramref name="table"/> the message names the table that fired it, so that one
    /// function serves several tables.
    /// </summary>
    public static void CreateRefusalFunction(this MigrationBuilder migrationBuilder, string function, string reason,
        string? table = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(reason);
        var message = table is null
            ? $"'%: % refused ({reason.Replace("'", "''", StringComparison.Ordinal)})', TG_TABLE_NAME, TG_OP"
            : $"'{table}: % refused ({reason.Replace("'", "''", StringComparison.Ordinal)})', TG_OP";
        migrationBuilder.Sql($"""
            CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION {message}
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;
            """);
    }

    /// <summary>
    /// Runs <paramref name="function"/> before every UPDATE and DELETE of a row (trigger <c>{table}_no_change</c>)
    /// and before TRUNCATE (<c>{table}_no_truncate</c>): the function returns NEW for the changes it allows and raises
    /// for the rest.
    /// </summary>
    public static void RefuseChangesWith(this MigrationBuilder migrationBuilder, string table, string function)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {function}();
            CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION {function}();
            """);
    }
}
