using System.Globalization;
using System.Text;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.ContributionBases.StartBaseImport;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;

namespace LtcInsurance.Cli.Import;

/// <summary>
/// <c>ltc import bases --tenant X --file F [--connection CS]</c>: imports a base file (缴费基数, CSV or XLSX, columns
/// <see cref="BaseFileColumns"/>) as the page does, a background job run in this process. Prints the counts; the error
/// report goes to F.errors.csv when rows were refused. Exit 0 when the job succeeded (refused rows are reported, not
/// fatal), 1 when it failed (e.g. a required column missing), 64 for a request refused (unsupported file type).
/// </summary>
public static class ImportBasesCommand
{
    public static async Task<int> RunAsync(ISender sender, JobWorker worker, string tenant, string file, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        JobView job;
        try
        {
            await using var input = File.OpenRead(file);
            job = await sender.Send(new StartBaseImportCommand(input, file));
        }
        catch (RequestValidationException refused)
        {
            foreach (var problem in refused.Problems)
                await stderr.WriteLineAsync($"导入无法进行 / import refused: {problem.Message}");
            return CommandOptions.UsageError;
        }

        await stdout.WriteLineAsync($"缴费基数导入任务 {job.Id} 已排队 / queued");
        if (!await worker.RunJobAsync(tenant, job.Id))
            await stderr.WriteLineAsync($"作业 {job.Id} 已由其他进程执行，等待其结束 / job taken by another worker: waiting");
        while ((job = await sender.Send(new GetJobQuery(job.Id)) ?? job) is { IsFinished: false })
            await Task.Delay(TimeSpan.FromSeconds(1));

        if (BaseImportResult.Read(job) is not { } result)
        {
            await stderr.WriteLineAsync($"导入失败 / import failed: {job.Message}（作业 / job {job.Id}）");
            return 1;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"缴费基数导入 {job.Id}: 共 {result.TotalRows} 行，错误 {result.ErrorRows} 行，新增基数 {result.Added}，已有相同基数 {result.Unchanged}"));
        if (result.ErrorRows > 0)
        {
            var report = file + ".errors.csv";
            await File.WriteAllTextAsync(report, result.ErrorReportCsv(), new UTF8Encoding(false));
            await stdout.WriteLineAsync($"错误报告 / error report: {report}");
            foreach (var error in result.Errors.Take(20))
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  第 {error.Row} 行 {error.Column}: {error.Message}"));
        }

        return 0;
    }
}
