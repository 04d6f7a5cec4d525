using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class EmbeddedPostgresTests(PostgresFixture db)
{
    [Fact]
    public async Task Starting_on_a_running_cluster_reuses_it_and_leaves_it_running()
    {
        await using (var second = await EmbeddedPostgres.StartAsync(new PostgresServerOptions(db.Server.DataDirectory, Throwaway: false)))
        {
            Assert.Equal(db.Server.Port, second.Port);
            Assert.Equal(1, await ScalarAsync(second.OwnerConnectionString, "SELECT 1"));
        }

        Assert.Equal(1, await ScalarAsync(db.OwnerConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_stopped_cluster_with_a_stale_pid_file_is_restarted_with_its_data()
    {
        var root = Path.Combine(Path.GetTempPath(), "ltc-pg-reuse-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new PostgresServerOptions(Path.Combine(root, "data"), Throwaway: false);
        try
        {
            await using (var first = await EmbeddedPostgres.StartAsync(options))
                await ScalarAsync(first.OwnerConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42); SELECT 1");

            Assert.False(File.Exists(Path.Combine(options.DataDirectory, "postmaster.pid")), "server should be stopped");
            // What a killed server leaves behind, with a pid that now belongs to some other process (this one).
            await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "postmaster.pid"),
                $"{Environment.ProcessId}\n{options.DataDirectory}\n0\n5432\n/tmp\n127.0.0.1\n0 0\nready\n");

            await using var second = await EmbeddedPostgres.StartAsync(options);
            Assert.Equal(42, await ScalarAsync(second.OwnerConnectionString, "SELECT v FROM kept"));
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Two_simultaneous_starts_of_a_new_cluster_share_one_server()
    {
        var root = Path.Combine(Path.GetTempPath(), "ltc-pg-race-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new PostgresServerOptions(Path.Combine(root, "data"), Throwaway: false);
        try
        {
            var starts = await Task.WhenAll(EmbeddedPostgres.StartAsync(options), EmbeddedPostgres.StartAsync(options));
            try
            {
                Assert.Equal(starts[0].Port, starts[1].Port);
                Assert.Equal(1, await ScalarAsync(starts[1].AppConnectionString, "SELECT 1"));
            }
            finally
            {
                foreach (var server in starts)
                    await server.DisposeAsync();
            }

            Assert.False(File.Exists(Path.Combine(options.DataDirectory, "postmaster.pid")), "the starter should stop it");
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_throwaway_cluster_is_deleted_when_disposed()
    {
        var options = PostgresServerOptions.ThrowawayInTemp();
        var server = await EmbeddedPostgres.StartAsync(options);
        Assert.True(Directory.Exists(options.DataDirectory));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(options.DataDirectory));
        Assert.False(Directory.Exists(Path.GetDirectoryName(options.DataDirectory)));
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
