using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Tenancy;

[Collection(PostgresCollection.Name)]
public sealed class ApplicationRoleTests(PostgresFixture db)
{
    [Fact]
    public async Task The_application_role_is_neither_superuser_nor_exempt_from_row_level_security_and_owns_nothing()
    {
        await using var connection = new NpgsqlConnection(db.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.False(reader.GetBoolean(0), "superuser");
        Assert.False(reader.GetBoolean(1), "bypassrls");
        Assert.Equal(0L, reader.GetInt64(2));
    }

    [Fact]
    public async Task The_startup_check_accepts_the_application_role()
    {
        await LtcDatabaseInitializer.VerifyApplicationRoleAsync(db.AppConnectionString);
    }

    [Fact]
    public async Task The_startup_check_refuses_a_role_that_bypasses_row_level_security()
    {
        const string role = "ltc_test_bypass";
        await using (var connection = new NpgsqlConnection(db.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} LOGIN NOSUPERUSER BYPASSRLS;
                    END IF;
                END $$;
                """, connection);
            await create.ExecuteNonQueryAsync();
        }

        var failure = await Assert.ThrowsAsync<DatabaseSecurityException>(() =>
            LtcDatabaseInitializer.VerifyApplicationRoleAsync(db.Server.ConnectionString(EmbeddedPostgres.DatabaseName, role)));

        Assert.Contains("BYPASSRLS", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_startup_check_refuses_a_superuser_such_as_the_owner()
    {
        var failure = await Assert.ThrowsAsync<DatabaseSecurityException>(() =>
            LtcDatabaseInitializer.VerifyApplicationRoleAsync(db.OwnerConnectionString));

        Assert.Contains("superuser", failure.Message, StringComparison.Ordinal);
    }
}
