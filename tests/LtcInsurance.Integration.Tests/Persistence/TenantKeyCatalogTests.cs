using Npgsql;

namespace LtcInsurance.Integration.Tests.Persistence;

/// <summary>
/// The same rules as <see cref="TenantModelConventionTests"/>, read from PostgreSQL's own catalog rather than the EF
/// model, so a table or index written only in a hand-written migration is held to them too: every table with a
/// tenant_id column has tenant_id first in its primary key, in every unique constraint and unique index, and in
/// every foreign key to another tenant table. That is what distributing the tables by tenant (Citus, issue #15)
/// requires: no uniqueness or reference may span tenants. A table whose tenant_id may be null (the sign-in users: a
/// platform admin belongs to no city, and a user name is unique across the platform) is global, not a tenant table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantKeyCatalogTests(PostgresFixture db)
{
    [Fact]
    public async Task Every_tenant_table_has_tenant_id_first_in_its_primary_key()
    {
        var offenders = await ListAsync("""
            SELECT c.relname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
            WHERE c.relkind IN ('r', 'p')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped)
              AND c.relname <> 'tenants'
              AND (pk.oid IS NULL
                   OR (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = pk.conkey[1]) <> 'tenant_id')
            ORDER BY 1
            """);

        Assert.True(offenders.Count == 0, "tenant tables whose primary key does not start with tenant_id: " + string.Join(", ", offenders));
    }

    [Fact]
    public async Task Every_unique_index_of_a_tenant_table_includes_tenant_id()
    {
        var offenders = await ListAsync("""
            SELECT c.relname || '.' || i.relname
            FROM pg_index x
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE x.indisunique
              AND c.relname <> 'tenants'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped)
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                              WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (x.indkey::smallint[]))
            ORDER BY 1
            """);

        Assert.True(offenders.Count == 0, "unique indexes that could span tenants: " + string.Join(", ", offenders));
    }

    [Fact]
    public async Task Every_foreign_key_between_tenant_tables_includes_tenant_id_on_both_sides()
    {
        var offenders = await ListAsync("""
            SELECT c.relname || '.' || k.conname
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_class r ON r.oid = k.confrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE k.contype = 'f'
              AND r.relname <> 'tenants'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped)
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped)
              AND NOT (
                   EXISTS (SELECT 1 FROM unnest(k.conkey) WITH ORDINALITY AS f(attnum, pos)
                           JOIN unnest(k.confkey) WITH ORDINALITY AS p(attnum, pos) USING (pos)
                           JOIN pg_attribute fa ON fa.attrelid = c.oid AND fa.attnum = f.attnum
                           JOIN pg_attribute pa ON pa.attrelid = r.oid AND pa.attnum = p.attnum
                           WHERE fa.attname = 'tenant_id' AND pa.attname = 'tenant_id'))
            ORDER BY 1
            """);

        Assert.True(offenders.Count == 0, "foreign keys between tenant tables that do not pair tenant_id with tenant_id: "
                                          + string.Join(", ", offenders));
    }

    [Fact]
    public async Task The_catalog_checks_see_the_register_and_the_journal()
    {
        // Guards the three queries above against passing because they look at nothing.
        var tables = await ListAsync("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped)
            """);

        Assert.Contains("insured_people", tables);
        Assert.Contains("journal_entries", tables);
        Assert.True(tables.Count >= 20, $"only {tables.Count} tenant tables found");
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
