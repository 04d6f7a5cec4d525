using System.Globalization;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Cli.Import;
using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Benchmarks.Import;

/// <summary>
/// The register import on a durable cluster, beside what PostgreSQL does with the same rows on the same cluster.
/// Each run imports a new generated register file for 济宁 (deterministic: run r holds rows r·N … r·N+N-1 of the
/// generator's endless register, every 20th row bad) through the background job as `ltc import register` runs it, then
/// the same file again (must write nothing), then a file of the same people living in another district (every person
/// changed: the post-import eligibility review of all of them). The reference copies exactly the people and enrollments
/// the run wrote: binary COPY into tables shaped like the register without indexes, the same with the register's indexes
/// and constraints, and an INSERT batched 1,000 rows a transaction into the indexed copy. Median of the runs.
/// </summary>
public static class RegisterImportLoad
{
    private const string Tenant = "jining";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = ScenarioRunner.Options(args, ("--rows", 100_000), ("--bad-every", 20), ("--runs", 3));
        var rows = options["--rows"];
        var badEvery = options["--bad-every"];
        var runs = options["--runs"];

        return await ScenarioRunner.OnDurableClusterAsync(seedDemoData: true, async (server, root) =>
        {
            var settings = await ScenarioRunner.SettingsAsync(server);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"register import: {rows} rows a file, every {badEvery}th row bad, {runs} runs; {ScenarioRunner.Machine()}; cluster: {settings}"));
            await ScenarioRunner.ExecuteAsync(server, """
                CREATE TABLE ref_people_bare (LIKE insured_people);
                CREATE TABLE ref_enrollments_bare (LIKE enrollment_periods);
                CREATE TABLE ref_people_indexed (LIKE insured_people INCLUDING ALL);
                CREATE TABLE ref_enrollments_indexed (LIKE enrollment_periods INCLUDING ALL);
                """);
            var product = new List<double>();
            var again = new List<double>();
            var changed = new List<double>();
            var bare = new List<double>();
            var indexed = new List<double>();
            var batched = new List<double>();
            string firstNote = "", againNote = "", changedNote = "";
            long written = 0;
            for (var run = 0; run < runs; run++)
            {
                var file = Path.Combine(root, $"register-{run}.csv");
                await using (var stream = File.Create(file))
                    await RegisterFileGenerator.WriteCsvAsync(stream, Tenant, rows, badEvery, first: run * rows, moveRegion: 0);
                var moved = Path.Combine(root, $"register-{run}-moved.csv");
                await using (var stream = File.Create(moved))
                    await RegisterFileGenerator.WriteCsvAsync(stream, Tenant, rows, badEvery, first: run * rows, moveRegion: 1);

                var before = await ScenarioRunner.ScalarAsync<string>(server, "SELECT clock_timestamp()::text");
                var (seconds, job) = await ImportAsync(server, file);
                product.Add(seconds);
                firstNote = $"applied {job.AppliedRows}, errors {job.ErrorRows}, {job.Status}";
                var (againSeconds, againJob) = await ImportAsync(server, file);
                again.Add(againSeconds);
                againNote = $"applied {againJob.AppliedRows} (must be 0), errors {againJob.ErrorRows}";

                // The rows this run wrote, taken out once (not timed), then written by PostgreSQL alone.
                var people = await ExportAsync(server,
                    $"COPY (SELECT * FROM insured_people WHERE created_at >= '{before}') TO STDOUT (FORMAT binary)");
                var enrollments = await ExportAsync(server,
                    $"COPY (SELECT e.* FROM enrollment_periods e JOIN insured_people p ON p.tenant_id = e.tenant_id AND p.id = e.person_id WHERE p.created_at >= '{before}') TO STDOUT (FORMAT binary)");
                written = await ScenarioRunner.ScalarAsync<long>(server, $"SELECT count(*) FROM insured_people WHERE created_at >= '{before}'");
                bare.Add(await CopyAsync(server, "bare", people, enrollments));
                indexed.Add(await CopyAsync(server, "indexed", people, enrollments));
                batched.Add(await BatchedInsertAsync(server));

                var (changedSeconds, changedJob) = await ImportAsync(server, moved);
                changed.Add(changedSeconds);
                var reviewed = await ScenarioRunner.ScalarAsync<long>(server,
                    $"SELECT count(DISTINCT person_id) FROM person_changes WHERE import_job_id = '{changedJob.Id}'");
                changedNote = $"applied {changedJob.AppliedRows}, people changed {reviewed}";
                File.Delete(file);
                File.Delete(moved);
            }

            await output.WriteLineAsync();
            await ScenarioRunner.HeaderAsync(output, "rows");
            await ScenarioRunner.RowAsync(output, "product: first import (stage, validate, apply, review)", product, rows, firstNote);
            await ScenarioRunner.RowAsync(output, "product: same file again", again, rows, againNote);
            await ScenarioRunner.RowAsync(output, "product: same people, every region changed", changed, rows, changedNote);
            await ScenarioRunner.RowAsync(output, "reference: binary COPY of the rows written, no indexes", bare, written, $"{written} people + their enrollments");
            await ScenarioRunner.RowAsync(output, "reference: binary COPY, the register's indexes and constraints", indexed, written);
            await ScenarioRunner.RowAsync(output, "reference: INSERT batched 1,000 rows a transaction, indexed", batched, written);
            return 0;
        });
    }

    /// <summary>The use case as `ltc import register` sends it: queue the import, run its job here, read the outcome.</summary>
    private static async Task<(double Seconds, ImportJobView Job)> ImportAsync(EmbeddedPostgres server, string file)
    {
        await using var services = CliServices.Create(server.AppConnectionString, Tenant);
        ImportJobView job = null!;
        var seconds = await ScenarioRunner.TimeAsync(async () =>
        {
            await using (var input = File.OpenRead(file))
                job = await services.Sender.Send(new StartRegisterImportCommand(input, Path.GetFileName(file)));
            if (!await services.Jobs.RunJobAsync(Tenant, job.Id))
                throw new InvalidOperationException("the import job was taken by another worker");
            job = (await services.Sender.Send(new GetImportJobQuery(job.Id)))!;
        });
        if (job.Status != "completed")
            throw new InvalidOperationException($"import {job.Status}: {job.Message}");
        return (seconds, job);
    }

    private static async Task<byte[]> ExportAsync(EmbeddedPostgres server, string copyTo)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        using var buffer = new MemoryStream();
        await using (var raw = await connection.BeginRawBinaryCopyAsync(copyTo))
            await raw.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Empties the reference tables (not timed), then times the binary COPY of people and enrollments in one transaction.</summary>
    private static async Task<double> CopyAsync(EmbeddedPostgres server, string kind, byte[] people, byte[] enrollments)
    {
        await ScenarioRunner.ExecuteAsync(server, $"TRUNCATE ref_people_{kind}, ref_enrollments_{kind}; CHECKPOINT");
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        return await ScenarioRunner.TimeAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (table, data) in new[] { ($"ref_people_{kind}", people), ($"ref_enrollments_{kind}", enrollments) })
            {
                await using var raw = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT binary)");
                await raw.WriteAsync(data);
            }

            await transaction.CommitAsync();
        });
    }

    /// <summary>The indexed copy filled again from the bare one, 1,000 people (and their enrollments) a transaction.</summary>
    private static async Task<double> BatchedInsertAsync(EmbeddedPostgres server)
    {
        await ScenarioRunner.ExecuteAsync(server, "TRUNCATE ref_people_indexed, ref_enrollments_indexed; CHECKPOINT");
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        // The source rows, indexed for the batches' reads (not timed).
        await using (var source = new NpgsqlCommand("""
            DROP TABLE IF EXISTS src_people, src_enrollments;
            CREATE TEMP TABLE src_people AS SELECT * FROM ref_people_bare;
            CREATE INDEX ON src_people (id);
            CREATE TEMP TABLE src_enrollments AS SELECT * FROM ref_enrollments_bare;
            CREATE INDEX ON src_enrollments (person_id);
            ANALYZE src_people, src_enrollments;
            """, connection) { CommandTimeout = 0 })
            await source.ExecuteNonQueryAsync();
        return await ScenarioRunner.TimeAsync(async () =>
        {
            var after = Guid.Empty;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand("""
                    WITH b AS (SELECT * FROM src_people WHERE id > @after ORDER BY id LIMIT 1000),
                    p AS (INSERT INTO ref_people_indexed SELECT * FROM b),
                    e AS (INSERT INTO ref_enrollments_indexed SELECT e.* FROM src_enrollments e JOIN b ON b.id = e.person_id)
                    SELECT id FROM b ORDER BY id DESC LIMIT 1
                    """, connection, transaction) { CommandTimeout = 0 };
                command.Parameters.AddWithValue("after", after);
                var last = await command.ExecuteScalarAsync();
                await transaction.CommitAsync();
                if (last is not Guid next)
                    break;
                after = next;
            }
        });
    }
}
