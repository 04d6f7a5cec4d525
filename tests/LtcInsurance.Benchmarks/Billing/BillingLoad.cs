using System.Globalization;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Benchmarks.Billing;

/// <summary>
/// The contribution billing run of 榆林 (monthly) on a durable cluster, beside what PostgreSQL does with the same rows.
/// N employees (deterministic: ID numbers from a fixed sequence, 5,000 wage, enrolled from 2030-01) are written once as
/// the owner; each run bills one month (2030-01, 2030-02, …) through the background job as `ltc billing run` does,
/// and the chain is verified after it. The reference copies exactly the bills, bill lines, journal entries and postings
/// the run wrote into tables with the same columns, keys and indexes (no triggers, no row-level security), a run's batch
/// of bills a transaction (each entry once: the run books one entry per region and batch), and again into tables that
/// also carry the product's foreign keys (their per-row checks are a cost no batching avoids). Median of the runs.
/// </summary>
public static class BillingLoad
{
    private const string Tenant = "yulin";
    private const string Region = "450902";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = ScenarioRunner.Options(args, ("--people", 100_000), ("--runs", 3));
        var people = options["--people"];
        var runs = options["--runs"];

        return await ScenarioRunner.OnDurableClusterAsync(seedDemoData: true, async (server, root) =>
        {
            var settings = await ScenarioRunner.SettingsAsync(server);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"billing: {people} people of {Tenant}, one month a run, {runs} runs; {ScenarioRunner.Machine()}; cluster: {settings}"));
            await RegisterAsync(server, people);
            // Two references: the tables' keys and indexes only, and the same with the product's foreign keys (a bill to
            // its person, a line to its bill, an entry to its tenant, a posting to its entry and account), whose
            // per-row checks no batching avoids.
            await ScenarioRunner.ExecuteAsync(server, """
                CREATE TABLE ref_bills (LIKE contribution_bills INCLUDING ALL);
                CREATE TABLE ref_bill_lines (LIKE contribution_bill_lines INCLUDING ALL);
                CREATE TABLE ref_entries (LIKE journal_entries INCLUDING ALL);
                CREATE TABLE ref_postings (LIKE journal_postings INCLUDING ALL);
                CREATE TABLE fk_bills (LIKE contribution_bills INCLUDING ALL,
                    FOREIGN KEY (tenant_id, person_id) REFERENCES insured_people (tenant_id, id));
                CREATE TABLE fk_bill_lines (LIKE contribution_bill_lines INCLUDING ALL,
                    FOREIGN KEY (tenant_id, bill_id) REFERENCES fk_bills (tenant_id, id) ON DELETE CASCADE);
                CREATE TABLE fk_entries (LIKE journal_entries INCLUDING ALL,
                    FOREIGN KEY (tenant_id) REFERENCES tenants (id),
                    FOREIGN KEY (tenant_id, reverses) REFERENCES fk_entries (tenant_id, sequence));
                CREATE TABLE fk_postings (LIKE journal_postings INCLUDING ALL,
                    FOREIGN KEY (tenant_id, sequence) REFERENCES fk_entries (tenant_id, sequence),
                    FOREIGN KEY (tenant_id, account_code) REFERENCES ledger_accounts (tenant_id, code));
                """);
            var product = new List<double>();
            var reference = new List<double>();
            var withKeys = new List<double>();
            var note = "";
            long bills = 0;
            for (var run = 0; run < runs; run++)
            {
                var period = $"2030-{run + 1:00}";
                var cpu = CpuSeconds();
                var (seconds, result) = await BillAsync(server, period);
                cpu = CpuSeconds() - cpu;
                product.Add(seconds);
                bills = result.BillsCreated;
                note = string.Create(CultureInfo.InvariantCulture,
                    $"bills {result.BillsCreated}, entries {result.EntriesPosted}, skipped {result.Skipped.Count}, chain verified; this process's CPU {cpu:0.0} s (last run)");
                reference.Add(await ReferenceAsync(server, period, "ref"));
                withKeys.Add(await ReferenceAsync(server, period, "fk"));
            }

            await output.WriteLineAsync();
            await ScenarioRunner.HeaderAsync(output, "people");
            await ScenarioRunner.RowAsync(output, "product: billing run (job), bills, lines and ledger entries", product, bills, note);
            await ScenarioRunner.RowAsync(output, $"reference: the same rows, INSERT … SELECT {RunBillingCommand.BatchSize} bills a transaction, indexed", reference, bills);
            await ScenarioRunner.RowAsync(output, "reference with the product's foreign keys (bill → person, line → bill, posting → entry, account)", withKeys, bills);
            return 0;
        });
    }

    /// <summary>N employees enrolled from 2030-01 on a 5,000 wage (15.00 a month: 7.50 employer, 7.50 own), as the owner.</summary>
    private static async Task RegisterAsync(EmbeddedPostgres server, int people)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        foreach (var chunk in Enumerable.Range(0, people).Chunk(50_000))
        {
            var numbers = chunk.Select(i => IdNumber.Create(Region, new DateOnly(1970, 1, 1).AddDays(i / 999), i % 999 + 1).Value).ToArray();
            await using var insert = new NpgsqlCommand("""
                WITH p AS (
                    INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    SELECT @tenant, gen_random_uuid(), number, '压测' || ord, 'female', date '1970-01-01' + ((ord - 1) / 999)::int, @region, 'employee', 'employed', now()
                    FROM unnest(@numbers) WITH ORDINALITY AS t(number, ord)
                    RETURNING id)
                INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
                SELECT @tenant, gen_random_uuid(), id, 'employee', date '2030-01-01', NULL, 5000 FROM p
                """, connection) { CommandTimeout = 0 };
            insert.Parameters.AddWithValue("tenant", Tenant);
            insert.Parameters.AddWithValue("region", Region);
            insert.Parameters.AddWithValue("numbers", numbers);
            await insert.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<(double Seconds, BillingRunResult Result)> BillAsync(EmbeddedPostgres server, string period)
    {
        await using var services = CliServices.Create(server.AppConnectionString, Tenant);
        JobView job = null!;
        var seconds = await ScenarioRunner.TimeAsync(async () =>
        {
            job = await services.Sender.Send(new StartBillingRunCommand(period));
            if (!await services.Jobs.RunJobAsync(Tenant, job.Id))
                throw new InvalidOperationException("the billing job was taken by another worker");
            job = (await services.Sender.Send(new GetJobQuery(job.Id)))!;
        });
        var result = BillingRunJobs.ReadResult(job)
                     ?? throw new InvalidOperationException($"billing {period} {job.Status}: {job.Message}");
        var verified = await services.Sender.Send(new VerifyLedgerQuery());
        if (!verified.IsIntact)
            throw new InvalidOperationException("the chain does not verify after the run");
        return (seconds, result);
    }

    private static double CpuSeconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// Copies the period's bills with their lines, entries and postings into the reference tables whose names start with
    /// <paramref name="prefix"/> (ref_…, fk_…), a batch of bills a transaction.
    /// </summary>
    private static async Task<double> ReferenceAsync(EmbeddedPostgres server, string period, string prefix)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var source = new NpgsqlCommand("""
            DROP TABLE IF EXISTS src_bills;
            CREATE TEMP TABLE src_bills AS SELECT * FROM contribution_bills WHERE tenant_id = @tenant AND period = @period;
            CREATE INDEX ON src_bills (id);
            ANALYZE src_bills;
            CHECKPOINT;
            """, connection) { CommandTimeout = 0 })
        {
            source.Parameters.AddWithValue("tenant", Tenant);
            source.Parameters.AddWithValue("period", period);
            await source.ExecuteNonQueryAsync();
        }

        return await ScenarioRunner.TimeAsync(async () =>
        {
            var after = Guid.Empty;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                // One statement, as the product's: the foreign keys of the fk_ tables are checked at its end.
                await using var command = new NpgsqlCommand($"""
                    WITH b AS (SELECT * FROM src_bills WHERE id > @after ORDER BY id LIMIT @batch),
                    bills AS (INSERT INTO {prefix}_bills SELECT * FROM b),
                    lines AS (INSERT INTO {prefix}_bill_lines SELECT l.* FROM contribution_bill_lines l JOIN b ON l.tenant_id = b.tenant_id AND l.bill_id = b.id),
                    e AS (SELECT DISTINCT tenant_id, journal_sequence AS sequence FROM b WHERE journal_sequence IS NOT NULL
                          EXCEPT SELECT tenant_id, sequence FROM {prefix}_entries),
                    entries AS (INSERT INTO {prefix}_entries SELECT j.* FROM journal_entries j JOIN e ON j.tenant_id = e.tenant_id AND j.sequence = e.sequence ON CONFLICT DO NOTHING),
                    postings AS (INSERT INTO {prefix}_postings SELECT p.* FROM journal_postings p JOIN e ON p.tenant_id = e.tenant_id AND p.sequence = e.sequence ON CONFLICT DO NOTHING)
                    SELECT id FROM b ORDER BY id DESC LIMIT 1
                    """, connection, transaction) { CommandTimeout = 0 };
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("batch", RunBillingCommand.BatchSize);
                var last = await command.ExecuteScalarAsync();
                await transaction.CommitAsync();
                if (last is not Guid next)
                    break;
                after = next;
            }
        });
    }
}
