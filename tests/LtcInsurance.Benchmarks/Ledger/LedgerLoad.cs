using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Tenants;
using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Benchmarks.Ledger;

/// <summary>
/// Journal entries per second on one city with N concurrent posters, on a DURABLE cluster (fsync, synchronous_commit
/// and full_page_writes on, as in production), through <see cref="LedgerPostingService"/> as the application role
/// (row-level security and the tenant setting on), single posts and batches; beside it, on the same cluster and
/// the same connections count, what PostgreSQL itself does with raw INSERTs into tables shaped like the journal
/// (same columns and indexes, no triggers): one entry per transaction (pgbench-style), and batches under one
/// advisory lock. Each scenario runs --runs times (median, min, max). After every product run the city's chain is
/// verified (intact, every entry there).
/// </summary>
public static class LedgerLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = ScenarioRunner.Options(args, ("--entries", 4000), ("--posters", 8), ("--batch", 100), ("--runs", 3));
        var entries = options["--entries"];
        var posters = options["--posters"];
        var batch = options["--batch"];
        var runs = options["--runs"];

        return await ScenarioRunner.OnDurableClusterAsync(seedDemoData: false, async (server, _) =>
        {
            await RunAllAsync(server, output, entries, posters, batch, runs);
            return 0;
        });
    }

    private static async Task RunAllAsync(EmbeddedPostgres server, TextWriter output, int entries, int posters, int batch, int runs)
    {
        var settings = await ScenarioRunner.SettingsAsync(server);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ledger load: {entries} two-line entries per run, {posters} posters on one city, batches of {batch}, {runs} runs, {Environment.ProcessorCount} CPUs; cluster: {settings}"));
        await PrepareReferenceAsync(server);

        await output.WriteLineAsync("| scenario | median entries/s | min | max | runs (s) |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- |");
        await Row("product: PostAsync, one entry per call", () => ProductAsync(server, entries, posters, 1));
        await Row($"product: PostBatchAsync, {batch} per call", () => ProductAsync(server, entries, posters, batch));
        await Row("reference: raw INSERTs, one entry per transaction", () => ReferenceAsync(server, entries, posters, 1));
        await Row($"reference: raw INSERTs, {batch} per transaction under the lock", () => ReferenceAsync(server, entries, posters, batch));

        async Task Row(string name, Func<Task<double>> run)
        {
            await run(); // warm-up (connections, plans), not counted
            var seconds = new List<double>();
            for (var r = 0; r < runs; r++)
                seconds.Add(await run());
            var (median, min, max) = ScenarioRunner.Spread(seconds.Select(s => entries / s));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median:0} | {min:0} | {max:0} | {string.Join(" / ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} |"));
        }
    }

    private static async Task<double> ProductAsync(EmbeddedPostgres server, int total, int posters, int batch)
    {
        var tenant = await NewTenantAsync(server);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            await using var db = App(server, tenant);
            var poster = new LedgerPostingService(db, TimeProvider.System);
            var mine = Enumerable.Range(0, total).Where(i => i % posters == p).Select(i => Draft($"bench-{i}", 10m + i % 1000)).ToList();
            if (batch == 1)
                foreach (var draft in mine)
                    await poster.PostAsync(draft);
            else
                foreach (var chunk in mine.Chunk(batch))
                    await poster.PostBatchAsync(chunk);
        })));
        watch.Stop();

        await using var services = CliServices.Create(server.AppConnectionString, tenant);
        var verified = await services.Sender.Send(new VerifyLedgerQuery());
        if (!verified.IsIntact || verified.EntriesChecked != total)
            throw new InvalidOperationException($"invariants broken: intact {verified.IsIntact}, {verified.EntriesChecked} of {total} entries");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Tables shaped like the journal (same columns, keys and indexes), without triggers or row-level security.</summary>
    private static async Task PrepareReferenceAsync(EmbeddedPostgres server)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TABLE ref_entries (LIKE journal_entries INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
            CREATE TABLE ref_postings (LIKE journal_postings INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
            CREATE SEQUENCE ref_sequence;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<double> ReferenceAsync(EmbeddedPostgres server, int total, int posters, int batch)
    {
        var tenant = "r" + Guid.NewGuid().ToString("N")[..12];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
            await connection.OpenAsync();
            var mine = Enumerable.Range(0, total).Where(i => i % posters == p).ToList();
            foreach (var chunk in mine.Chunk(batch))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                var sql = new System.Text.StringBuilder();
                if (batch > 1)
                    sql.Append("SELECT pg_advisory_xact_lock(hashtextextended('ref:' || @t, 0));\n");
                sql.Append("""
                    WITH s AS (SELECT nextval('ref_sequence') AS seq, k, a FROM unnest(@keys::text[], @amounts::numeric[]) AS u(k, a)),
                    e AS (INSERT INTO ref_entries (tenant_id, sequence, business_date, period, description, source_type,
                            source_reference, idempotency_key, recorded_at, previous_hash, hash)
                          SELECT @t, seq, '2027-01-05', '2027-01', '压测缴费', 'bill', k, k, now(), repeat('0', 64), repeat('1', 64) FROM s)
                    INSERT INTO ref_postings (tenant_id, sequence, line, account_code, side, amount)
                    SELECT @t, seq, l, CASE l WHEN 1 THEN '1001' ELSE '4101.01' END, CASE l WHEN 1 THEN 'D' ELSE 'C' END, a
                    FROM s CROSS JOIN generate_series(1, 2) AS l
                    """);
                await using var command = new NpgsqlCommand(sql.ToString(), connection, transaction);
                command.Parameters.AddWithValue("t", tenant);
                command.Parameters.AddWithValue("keys", chunk.Select(i => $"ref-{tenant}-{i}").ToArray());
                command.Parameters.AddWithValue("amounts", chunk.Select(i => 10m + i % 1000).ToArray());
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        })));
        watch.Stop();
        return watch.Elapsed.TotalSeconds;
    }

    private static LtcDbContext App(EmbeddedPostgres server, string tenant) =>
        new(LtcDbContextOptions.ForApplication(server.AppConnectionString), new FixedCurrentTenant(tenant));

    private static async Task<string> NewTenantAsync(EmbeddedPostgres server)
    {
        var id = "b" + Guid.NewGuid().ToString("N")[..12];
        await using var owner = new LtcDbContext(LtcDbContextOptions.ForOwner(server.OwnerConnectionString), new FixedCurrentTenant());
        owner.Tenants.Add(new Tenant { Id = id, NameZh = "压测", NameEn = "Bench", SchemeStart = new DateOnly(2027, 1, 1) });
        await owner.SaveChangesAsync();
        await LedgerChartSeeder.SeedAsync(owner, id);
        return id;
    }

    private static EntryDraft Draft(string key, decimal amount) =>
        new(new DateOnly(2027, 1, 5), "压测缴费", new SourceDocument(SourceDocumentType.Bill, key), key,
            [Posting.Debit(StandardChart.FundSpecialAccount, amount),
             Posting.Credit(StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual), amount)]);
}
