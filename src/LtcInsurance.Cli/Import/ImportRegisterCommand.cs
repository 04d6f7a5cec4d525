using System.Diagnostics;
using System.Globalization;
using System.Data.Common;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Import.WriteImportErrorReport;
using LtcInsurance.Cli.Composition;

namespace LtcInsurance.Cli.Import;

/// <summary>
/// <c>ltc import register --tenant X --file F [--connection CS]</c>: imports a register file (CSV or XLSX); the error
/// report goes to F.errors.csv when rows were refused. Prints the job's counts and the elapsed time.
/// <c>ltc import generate --tenant X --rows N --file F [--bad-every K]</c>: writes a synthetic register CSV for load
/// tests (<see cref="RegisterFileGenerator"/>).
/// Exit 0 when the job completed (refused rows are reported, not fatal), 1 when the job failed, 2 when the database
/// cannot be used, 64 for usage errors (an unknown tenant, a file that is neither CSV nor XLSX included).
/// </summary>
public static class ImportRegisterCommand
{
    public const string Usage = """
        用法 / usage: ltc import register --tenant X --file F [--connection CONNECTION_STRING]
                      ltc import collections --tenant X --file F [--connection CONNECTION_STRING]
                      ltc import bases --tenant X --file F [--connection CONNECTION_STRING]
                      ltc import generate --tenant X --rows N --file F [--bad-every K]
        """;

    /// <summary>Entry point for <c>ltc import</c>: <paramref name="args"/> are the words after "import".</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("register" or "generate" or "collections" or "bases"))
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
            await using var services = CliServices.Create(connection, tenant);
            if (args[0] == "collections")
                return await ImportCollectionsCommand.RunAsync(services.Sender, services.Jobs, tenant, file, stdout, stderr);
            return args[0] == "bases"
                ? await ImportBasesCommand.RunAsync(services.Sender, services.Jobs, tenant, file, stdout, stderr)
                : await RunAsync(services.Sender, services.Jobs, tenant, file, stdout, stderr);
        }
        catch (FileNotFoundException)
        {
            await stderr.WriteLineAsync($"找不到导入文件「{file}」 / file not found");
            return CommandOptions.UsageError;
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException or IOException)
        {
            await stderr.WriteLineAsync($"导入无法进行 / import could not run: {failure.Message}");
            return 2;
        }
        catch (ArgumentException malformed) when (malformed.ParamName == "tenantId")
        {
            await stderr.WriteLineAsync($"租户标识「{tenant}」格式不正确（小写字母开头，只含小写字母、数字和下划线） / malformed tenant id");
            return CommandOptions.UsageError;
        }
    }

    /// <summary>
    /// Imports <paramref name="file"/> through <paramref name="sender"/> (acting for <paramref name="tenant"/>): the file
    /// is queued as a background job like the page's, and <paramref name="worker"/> runs that job in this process (as
    /// <c>ltc billing run</c> does; <c>ltc jobs cancel|resume</c> work on it like on any job). Prints counts, writes the
    /// error report. A request the use case refuses (unknown tenant, unsupported file type) is told on
    /// <paramref name="stderr"/> with exit 64.
    /// </summary>
    public static async Task<int> RunAsync(ISender sender, JobWorker worker, string tenant, string file, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var watch = Stopwatch.StartNew();
        ImportJobView job;
        try
        {
            await using var input = File.OpenRead(file);
            job = await sender.Send(new StartRegisterImportCommand(input, file));
        }
        catch (RequestValidationException refused)
        {
            foreach (var problem in refused.Problems)
                await stderr.WriteLineAsync($"导入无法进行 / import refused: {problem.Message}");
            return CommandOptions.UsageError;
        }

        await stdout.WriteLineAsync($"导入任务 {job.Id} 已排队 / queued");
        if (!await worker.RunJobAsync(tenant, job.Id))
            await stderr.WriteLineAsync($"作业 {job.Id} 已由其他进程执行，等待其结束 / job taken by another worker: waiting");
        while ((job = await sender.Send(new GetImportJobQuery(job.Id)) ?? job) is { IsActive: true })
            await Task.Delay(TimeSpan.FromSeconds(1));

        var elapsed = watch.Elapsed;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"导入任务 {job.Id}: {job.Status}，共 {job.TotalRows} 行，有效 {job.ValidRows}，错误 {job.ErrorRows}，写入 {job.AppliedRows}，用时 {elapsed.TotalSeconds:0.0} 秒"));
        if (job.Message is not null)
            await stdout.WriteLineAsync(job.Message);
        if (job.ErrorRows > 0)
        {
            var report = file + ".errors.csv";
            await using var output = File.Create(report);
            await sender.Send(new WriteImportErrorReportQuery(job.Id, output));
            await stdout.WriteLineAsync($"错误报告 / error report: {report}");
        }

        return job.Status == "completed" ? 0 : 1;
    }
}
