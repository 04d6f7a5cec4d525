using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Performance;

/// <summary>
/// The plan PostgreSQL gives a statement for the application role under the tenant policies (an EXPLAIN as the owner,
/// whom row-level security does not hold, can show an index the application role may never use).
/// </summary>
public static class AppRolePlan
{
    /// <summary>
    /// EXPLAIN of <paramref name="sql"/> with its parameters, as the application role with <paramref name="tenant"/> set
    /// for the session; <paramref name="settings"/> (e.g. <c>SET enable_hashjoin = off;</c>) run first.
    /// </summary>
    public static async Task<string> ExplainAsync(string appConnectionString, string tenant, string sql, NpgsqlParameter[] parameters,
        string settings = "")
    {
        await using var connection = new NpgsqlConnection(appConnectionString);
        await connection.OpenAsync();
        await using (var setup = new NpgsqlCommand($"SELECT set_config('{TenantSession.SettingName}', '{tenant}', false); {settings}", connection))
            await setup.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        explain.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
