using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Benchmarks.Common;

/// <summary>
/// What the scenario benchmarks share: their <c>--name value</c> options, a DURABLE cluster started by our launcher (not
/// a throwaway one, so fsync, synchronous_commit and full_page_writes stay on, as in production; the benchmark refuses
/// to run otherwise), the machine's state, and a table row per scenario (median of the runs, min, max, rows per second,
/// peak memory).
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>
    /// The scenario's integer options: <paramref name="defaults"/> overridden by <c>--name value</c> pairs in
    /// <paramref name="args"/>; an option not among the defaults is refused.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Options(string[] args, params (string Name, int Default)[] defaults)
    {
        var options = defaults.ToDictionary(d => d.Name, d => d.Default, StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (!options.ContainsKey(args[i]))
                throw new ArgumentException($"unknown option {args[i]}");
            options[args[i]] = value;
        }

        return options;
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> on a durable cluster in a fresh temp folder (its second argument), migrated and,
    /// when <paramref name="seedDemoData"/>, seeded with the demo tenants and their demo parameters; then stops the
    /// cluster and deletes the folder.
    /// </summary>
    public static async Task<int> OnDurableClusterAsync(bool seedDemoData, Func<EmbeddedPostgres, string, Task<int>> scenario)
    {
        var root = Path.Combine(Path.GetTempPath(), "ltc-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // Not a throwaway cluster: the launcher then leaves fsync and synchronous commit on (production settings).
            await using var server = await EmbeddedPostgres.StartAsync(new PostgresServerOptions(Path.Combine(root, "data"), Throwaway: false));
            await new LtcDatabaseInitializer(server.OwnerConnectionString, server.AppConnectionString).InitializeAsync(seedDemoData);
            // LTC_BENCH_STATEMENT_LOG=<file>: every statement's duration is logged and the server log copied there at the
            // end (where a scenario's time goes, statement by statement).
            var statementLog = Environment.GetEnvironmentVariable("LTC_BENCH_STATEMENT_LOG");
            if (!string.IsNullOrEmpty(statementLog))
            {
                await ExecuteAsync(server, "ALTER SYSTEM SET log_min_duration_statement = 0");
                await ExecuteAsync(server, "SELECT pg_reload_conf()");
            }
            // LTC_BENCH_AUTO_EXPLAIN=<ms>: statements slower than that have their plan, with actual rows, buffers and the
            // calls of each trigger (foreign-key checks included), in the server log. LTC_BENCH_AUTO_EXPLAIN_TIMING=1 adds
            // the time of every node and trigger, at the cost of timing every row.
            if (int.TryParse(Environment.GetEnvironmentVariable("LTC_BENCH_AUTO_EXPLAIN"), out var explainMs))
            {
                var timing = Environment.GetEnvironmentVariable("LTC_BENCH_AUTO_EXPLAIN_TIMING") == "1" ? "on" : "off";
                // ALTER SYSTEM knows the module's settings only in a session that has loaded it.
                await using (var connection = new NpgsqlConnection(server.OwnerConnectionString))
                {
                    await connection.OpenAsync();
                    foreach (var sql in new[]
                             {
                                 "LOAD 'auto_explain'",
                                 "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
                                 $"ALTER SYSTEM SET auto_explain.log_min_duration = {explainMs}",
                                 "ALTER SYSTEM SET auto_explain.log_analyze = on",
                                 "ALTER SYSTEM SET auto_explain.log_buffers = on",
                                 "ALTER SYSTEM SET auto_explain.log_triggers = on",
                                 $"ALTER SYSTEM SET auto_explain.log_timing = {timing}",
                                 "ALTER SYSTEM SET auto_explain.log_nested_statements = on",
                                 "SELECT pg_reload_conf()",
                             })
                    {
                        await using var command = new NpgsqlCommand(sql, connection);
                        await command.ExecuteNonQueryAsync();
                    }
                }

                NpgsqlConnection.ClearAllPools();
                statementLog ??= Path.Combine(Path.GetTempPath(), "ltc-bench-explain.log");
            }
            var exit = await scenario(server, root);
            if (!string.IsNullOrEmpty(statementLog))
                File.Copy(Path.Combine(server.DataDirectory, "server.log"), statementLog, overwrite: true);
            return exit;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The median (the upper one of an even count), the smallest and the largest of <paramref name="values"/>.</summary>
    public static (double Median, double Min, double Max) Spread(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[0], sorted[^1]);
    }

    /// <summary>The median of <paramref name="values"/> as <see cref="Spread"/> takes it (the upper one of an even count).</summary>
    public static double Median(IEnumerable<double> values) => Spread(values).Median;

    /// <summary>"7.1 6.5 6.0" from /proc/loadavg (Linux); "n/a" elsewhere.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The cluster's durability settings; throws when fsync or synchronous commit is off.</summary>
    public static async Task<string> SettingsAsync(EmbeddedPostgres server)
    {
        var text = await ScalarAsync<string>(server,
            "SELECT format('PostgreSQL %s, fsync=%s, synchronous_commit=%s, full_page_writes=%s', current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes'))");
        if (text.Contains("fsync=off", StringComparison.Ordinal) || text.Contains("synchronous_commit=off", StringComparison.Ordinal))
            throw new InvalidOperationException("the benchmark needs a durable cluster: " + text);
        return text;
    }

    /// <summary>"load average 7.1 6.5 6.0, 2 CPUs" (Linux; the CPU count elsewhere).</summary>
    public static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? "load average " + LoadAverage() + ", " : "";
        return load + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " CPUs";
    }

    public static long PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1_048_576;
    }

    public static async Task<T> ScalarAsync<T>(EmbeddedPostgres server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(EmbeddedPostgres server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task HeaderAsync(TextWriter output, string unit)
    {
        await output.WriteLineAsync($"| scenario | median s | min s | max s | median {unit}/s | peak working set | note |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- |");
    }

    /// <summary>One table row: the median, min and max of <paramref name="seconds"/>, the rate at the median, the process's peak so far.</summary>
    public static async Task RowAsync(TextWriter output, string name, IReadOnlyList<double> seconds, long units, string note = "")
    {
        var (median, min, max) = Spread(seconds);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {median:0.00} | {min:0.00} | {max:0.00} | {units / median:0} | {PeakMegabytes()} MB | {note} |"));
    }

    public static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }
}
