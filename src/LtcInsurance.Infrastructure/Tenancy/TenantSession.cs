using System.Data.Common;
using System.Text.RegularExpressions;

namespace LtcInsurance.Infrastructure.Tenancy;

/// <summary>
/// How the current tenant reaches PostgreSQL row-level security: the custom setting <c>ltc.tenant</c>, set with
/// <c>set_config(..., is_local =&gt; true)</c> so it ends with the transaction and never leaks to the next user of a
/// pooled connection. Policies compare <c>tenant_id = current_setting('ltc.tenant', true)</c>; an unset or empty
/// setting matches no row.
/// </summary>
public static partial class TenantSession
{
    public const string SettingName = "ltc.tenant";

    /// <summary>Sets the tenant for the rest of <paramref name="transaction"/>.</summary>
    public static async Task SetForTransactionAsync(DbConnection connection, DbTransaction transaction, string? tenantId,
        CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SetLocalSql(tenantId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static void SetForTransaction(DbConnection connection, DbTransaction transaction, string? tenantId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SetLocalSql(tenantId);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One SELECT statement setting the tenant transaction-locally. The tenant id is inlined as a literal, not a
    /// parameter, so the statement can be prepended to any command whatever its parameter style; that is safe
    /// only because <see cref="Literal"/> admits nothing but tenant-id characters.
    /// </summary>
    public static string SetLocalSql(string? tenantId) =>
        $"SELECT set_config('{SettingName}', {Literal(tenantId)}, true)";

    /// <summary>A quoted SQL literal for a tenant id; throws for anything that is not a well-formed id.</summary>
    public static string Literal(string? tenantId)
    {
        if (tenantId is null)
            return "''";
        if (!TenantIdPattern().IsMatch(tenantId))
            throw new ArgumentException($"Malformed tenant id '{tenantId}'.", nameof(tenantId));
        return $"'{tenantId}'";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex TenantIdPattern();
}
