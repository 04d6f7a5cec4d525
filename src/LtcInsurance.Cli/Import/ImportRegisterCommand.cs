using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Application.Import;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Infrastructure.Import;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Cli.Import;

/// <summary>
/// <c>ltc import register --tenant X --file F [--connection CS]</c>: imports a register file (CSV or XLSX); the error
/// report goes to F.errors.csv when rows were refused. Prints the job's counts and the elapsed time.
/// <c>ltc import generate --tenant X --rows N --file F [--bad-every K]</c>: writes a synthetic register CSV for load
/// tests (<see cref="RegisterFileGenerator"/>).
/// Exit 0 when the job completed (refused rows are reported, not fatal), 1 when the job failed, 2 when the database
/// cannot be used, 64 for usage errors.
/// </summary>
public static class ImportRegisterCommand
{
    public const string Usage = """
        用法 / usage: ltc import register --tenant X --file F [--connection CONNECTION_STRING]
                      ltc import generate --tenant X --rows N --file F [--bad-every K]
        """;

    /// <summary>Entry point for <c>ltc import</c>: <paramref name="args"/> are the words after "import".</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("register" or "generate"))
        {
            await stderr.WriteLineAsync(Usage);
            return 64;
        }

        var options = await CommandOptions.ParseAsync(
            args, 1, ["--tenant", "--file", "--connection", "--rows", "--bad-every"], [], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var tenant = options["--tenant"];
        var file = options["--file"];
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        if (options.Integer("--rows", 0) is not { } rows || options.Integer("--bad-every", 20) is not { } badEvery)
        {
            await stderr.WriteLineAsync("--rows 与 --bad-every 须为整数 / --rows and --bad-every take whole numbers");
            await stderr.WriteLineAsync(Usage);
            return CommandOptions.UsageError;
        }

        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(file))
        {
            await stderr.WriteLineAsync("缺少 --tenant 或 --file / --tenant and --file are required");
            await stderr.WriteLineAsync(Usage);
            return 64;
        }

        if (args[0] == "generate")
        {
            if (rows <= 0)
            {
                await stderr.WriteLineAsync("--rows 应为正整数 / --rows must be positive");
                return 64;
            }

            await using var output = File.Create(file);
            var watch = Stopwatch.StartNew();
            await RegisterFileGenerator.WriteCsvAsync(output, tenant, rows, badEvery);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows} rows → {file} in {watch.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            await stderr.WriteLineAsync("缺少数据库连接：--connection 或 ConnectionStrings__Ltc / no connection");
            return 64;
        }

        try
        {
            await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(connection), new FixedCurrentTenant(tenant));
            return await RunAsync(new RegisterImporter(db, new PolicyCalculator(), TimeProvider.System), file, stdout);
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or IOException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"导入无法进行 / import could not run: {failure.Message}");
            return 2;
        }
    }

    /// <summary>Imports <paramref name="file"/> with an importer bound to a tenant; prints counts, writes the error report.</summary>
    public static async Task<int> RunAsync(IRegisterImport importer, string file, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(stdout);
        var watch = Stopwatch.StartNew();
        ImportJobView job;
        await using (var input = File.OpenRead(file))
            job = await importer.ImportAsync(input, file);
        var elapsed = watch.Elapsed;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"导入任务 {job.Id}: {job.Status}，共 {job.TotalRows} 行，有效 {job.ValidRows}，错误 {job.ErrorRows}，写入 {job.AppliedRows}，用时 {elapsed.TotalSeconds:0.0} 秒"));
        if (job.Message is not null)
            await stdout.WriteLineAsync(job.Message);
        if (job.ErrorRows > 0)
        {
            var report = file + ".errors.csv";
            await using var output = File.Create(report);
            await importer.WriteErrorReportAsync(job.Id, output);
            await stdout.WriteLineAsync($"错误报告 / error report: {report}");
        }

        return job.Status == "completed" ? 0 : 1;
    }
}
