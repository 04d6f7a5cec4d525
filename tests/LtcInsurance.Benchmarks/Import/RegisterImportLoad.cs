using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Cli.Import;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using Npgsql;

namespace LtcInsurance.Benchmarks.Import;

/// <summary>
/// Imports a generated register file (default 1,000,000 rows, every 20th row bad) into tenant 济宁 on a throwaway
/// cluster as the application role, then imports the same file again (must apply nothing). Reports time, rows per
/// second and the process's peak working set: the file is streamed, so memory must not grow with the file.
/// </summary>
public static class RegisterImportLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rows = 1_000_000;
        var badEvery = 20;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--rows") rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--bad-every") badEvery = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        const string tenant = "jining";
        var file = Path.Combine(Path.GetTempPath(), $"ltc-register-{rows}.csv");
        await using (var stream = File.Create(file))
            await RegisterFileGenerator.WriteCsvAsync(stream, tenant, rows, badEvery);

        await using var server = await EmbeddedPostgres.StartAsync(PostgresServerOptions.ThrowawayInTemp());
        await new LtcDatabaseInitializer(server.OwnerConnectionString, server.AppConnectionString).InitializeAsync(seedDemoData: true);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"register import: {rows} rows ({new FileInfo(file).Length / 1_000_000} MB CSV, every {badEvery}th row bad), {Environment.ProcessorCount} CPUs"));
        await output.WriteLineAsync("| run | applied | errors | seconds | rows/s | peak working set |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- |");
        await Run("first import");
        await Run("same file again");
        NpgsqlConnection.ClearAllPools();
        File.Delete(file);
        return 0;

        async Task Run(string name)
        {
            // The use case as `ltc import register` sends it.
            await using var services = CliServices.Create(server.AppConnectionString, tenant);
            var watch = Stopwatch.StartNew();
            await using var input = File.OpenRead(file);
            var job = await services.Sender.Send(new StartRegisterImportCommand(input, Path.GetFileName(file)));
            watch.Stop();
            using var process = Process.GetCurrentProcess();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {job.AppliedRows} | {job.ErrorRows} | {watch.Elapsed.TotalSeconds:0.0} | {rows / watch.Elapsed.TotalSeconds:0} | {process.PeakWorkingSet64 / 1_048_576} MB |"));
        }
    }
}
