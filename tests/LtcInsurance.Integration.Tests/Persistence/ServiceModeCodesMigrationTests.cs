using LtcInsurance.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class ServiceModeCodesMigrationTests(PostgresFixture db)
{
    [Fact]
    public async Task Institutions_stored_with_the_old_mode_codes_get_the_service_mode_vocabularys_codes()
    {
        await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        // one transaction, rolled back: the shared database keeps its rows
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT set_config('ltc.tenant', 'yulin', true)");
        await ExecuteAsync(connection, """
            INSERT INTO institutions (tenant_id, id, code, name, service_modes, medical_institution_level, region_code, status)
            VALUES ('yulin', gen_random_uuid(), 'OLDCODES', '旧代码机构', ARRAY['institutional', 'home_visit', 'medical_ward'], NULL, '450902', 'active')
            """);
        await ExecuteAsync(connection, "SELECT set_config('ltc.tenant', '', true)");

        foreach (var operation in new ServiceModeCodes().UpOperations.OfType<SqlOperation>())
            await ExecuteAsync(connection, operation.Sql);

        await ExecuteAsync(connection, "SELECT set_config('ltc.tenant', 'yulin', true)");
        await using var read = new NpgsqlCommand("SELECT service_modes FROM institutions WHERE code = 'OLDCODES'", connection);
        Assert.Equal(["institution", "home", "medical_special"], (string[])(await read.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
