using Npgsql;

namespace LtcInsurance.Integration.Tests.Tenancy;

/// <summary>
/// The second wall, tested below EF: plain SQL as the application role can see and write only the rows of the
/// tenant set in ltc.tenant for the transaction.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RowLevelSecurityTests(PostgresFixture db)
{
    [Fact]
    public async Task In_one_tenants_transaction_raw_sql_sees_none_of_another_tenants_rows()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, "zhenjiang");

        var shishiRows = await ScalarAsync<long>(connection, "SELECT count(*) FROM insured_people WHERE tenant_id = 'shishi'");
        var visibleTenants = await ScalarAsync<string[]>(connection,
            "SELECT array_agg(DISTINCT tenant_id) FROM (SELECT tenant_id FROM insured_people UNION ALL SELECT tenant_id FROM institutions) t");
        var visible = await ScalarAsync<long>(connection, "SELECT count(*) FROM insured_people");

        Assert.Equal(0, shishiRows);
        Assert.Equal(["zhenjiang"], visibleTenants);
        Assert.True(visible >= 200, $"tenant zhenjiang should see its own register, saw {visible} rows");
    }

    [Fact]
    public async Task Without_a_tenant_no_tenant_rows_are_visible()
    {
        await using var connection = await OpenAppConnectionAsync();

        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM insured_people"));
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM institutions"));
    }

    [Fact]
    public async Task A_row_for_another_tenant_cannot_be_inserted()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, "zhenjiang");

        var failure = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, """
            INSERT INTO institutions (tenant_id, id, code, name, service_modes, region_code, status)
            VALUES ('shishi', gen_random_uuid(), 'X-RLS', '越界机构', '{}', '350581', 'active')
            """));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, failure.SqlState);
    }

    [Fact]
    public async Task A_row_cannot_be_moved_to_another_tenant()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, "jining");

        var failure = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, "UPDATE institutions SET tenant_id = 'yulin'"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, failure.SqlState);
    }

    [Fact]
    public async Task Rows_of_another_tenant_cannot_be_deleted()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, "jining");

        var deleted = await ExecuteAsync(connection, "DELETE FROM insured_people WHERE tenant_id = 'yulin'");

        Assert.Equal(0, deleted);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_tenant_setting_ends_with_its_transaction()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await SetTenantAsync(connection, "yuzhong");
            var own = await db.InstitutionsOfAsync("yuzhong");
            Assert.True(own >= 2);
            Assert.Equal(own, await ScalarAsync<long>(connection, "SELECT count(*) FROM institutions"));
            await transaction.CommitAsync();
        }

        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM institutions"));
    }

    [Fact]
    public async Task The_application_role_cannot_change_the_schema()
    {
        await using var connection = await OpenAppConnectionAsync();

        var failure = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, "ALTER TABLE insured_people DISABLE ROW LEVEL SECURITY"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, failure.SqlState);
    }

    private async Task<NpgsqlConnection> OpenAppConnectionAsync()
    {
        var connection = new NpgsqlConnection(db.AppConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task SetTenantAsync(NpgsqlConnection connection, string tenant)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('ltc.tenant', $1, true)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
