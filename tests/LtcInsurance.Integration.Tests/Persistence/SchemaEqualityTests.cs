using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Persistence;

/// <summary>
/// The migrations are written by hand (ADR 0003), so nothing but this test ties them to the EF model: a database
/// built by the migrations must have the same tables, columns, keys, indexes and foreign keys as one EF creates
/// from the model.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaEqualityTests(PostgresFixture db)
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_EF_creates_from_the_model()
    {
        var modelDatabase = "ltc_model_" + Guid.NewGuid().ToString("N")[..8];
        var modelConnection = db.Server.ConnectionString(modelDatabase, EmbeddedPostgres.OwnerRole);
        await using (var context = new LtcDbContext(LtcDbContextOptions.ForOwner(modelConnection), new FixedCurrentTenant()))
            await context.Database.EnsureCreatedAsync();
        // The key ring has a context of its own (no tenant session); its table is created by the same migrations.
        await using (var keyRing = new KeyRingDbContext(new DbContextOptionsBuilder<KeyRingDbContext>().UseNpgsql(modelConnection).Options))
            await keyRing.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();

        try
        {
            var migrated = await SchemaOf(db.OwnerConnectionString);
            var fromModel = await SchemaOf(modelConnection);

            var missingInMigrations = fromModel.Except(migrated).ToList();
            var notInModel = migrated.Except(fromModel).ToList();
            Assert.True(missingInMigrations.Count == 0 && notInModel.Count == 0,
                "Schema drift between migrations and model." + Environment.NewLine
                + "In the model but not created by the migrations:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", missingInMigrations) + Environment.NewLine
                + "Created by the migrations but not in the model:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", notInModel));
            Assert.Contains(migrated, line => line.StartsWith("column insured_people.id_number", StringComparison.Ordinal));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {modelDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_migrations_keep_a_persons_enrollment_periods_from_overlapping_with_an_exclusion_constraint()
    {
        var exclusions = await ExclusionConstraintsOf(db.OwnerConnectionString);

        Assert.Equal(
            ["enrollment_periods." + EnrollmentNoOverlap.ConstraintName
             + " EXCLUDE USING gist (person_id WITH =, tenant_id WITH =, daterange(start_date, end_date, '[]'::text) WITH &&)"],
            exclusions);
    }

    /// <summary>The exclusion constraints of schema public: beyond the EF model, so compared with what the migrations intend.</summary>
    internal static async Task<List<string>> ExclusionConstraintsOf(string connectionString)
    {
        const string sql = """
            SELECT format('%s.%s %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            WHERE t.relnamespace = 'public'::regnamespace AND k.contype = 'x'
            ORDER BY 1
            """;
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>
    /// One line per column, constraint (primary key, foreign key, unique, check) and index of schema public.
    /// Triggers, row-level security policies, grants and exclusion constraints (with their indexes) are not part of the
    /// EF model and are not compared.
    /// </summary>
    internal static async Task<SortedSet<string>> SchemaOf(string connectionString)
    {
        const string sql = """
            SELECT format('column %s.%s %s%s %s %s identity=%s', c.table_name, c.column_name, c.data_type,
                          coalesce('(' || c.character_maximum_length || ')', ''),
                          CASE WHEN c.is_nullable = 'YES' THEN 'null' ELSE 'not null' END,
                          coalesce('default ' || c.column_default, ''), coalesce(c.identity_generation, 'no'))
              || CASE WHEN c.data_type = 'ARRAY' THEN ' of ' || c.udt_name ELSE '' END
            FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND c.table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT format('constraint %s.%s %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '__EFMigrationsHistory'
              AND k.contype <> 't' -- constraint triggers, like policies and grants, are beyond the EF model
              AND k.contype <> 'x' -- so are exclusion constraints (EnrollmentNoOverlap): see ExclusionConstraintsOf
            UNION ALL
            SELECT format('index %s.%s %s', i.tablename, i.indexname, i.indexdef)
            FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename <> '__EFMigrationsHistory'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint x -- an exclusion constraint's own index
                              WHERE x.contype = 'x' AND x.conindid = format('public.%I', i.indexname)::regclass)
            """;
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return lines;
    }
}
