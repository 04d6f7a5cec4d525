using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.ExportCollectionErrors;
using LtcInsurance.Application.Contributions.GetCollectionImport;
using LtcInsurance.Application.Contributions.StartCollectionImport;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Cli.Import;

/// <summary>
/// <c>ltc import collections --tenant X --file F</c>: imports a tax-bureau collection file (CSV or XLSX: 收款凭证号,
/// 身份证号码, 期间, 金额) as a background job run in this process; refused rows go to F.errors.csv. Exit 0 when the job
/// completed (refused rows are reported, not fatal), 1 when it failed, 64 when the request is refused.
/// </summary>
public static class ImportCollectionsCommand
{
    public static async Task<int> RunAsync(ISender sender, JobWorker worker, string tenant, string file, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var watch = Stopwatch.StartNew();
        CollectionImportView import;
        try
        {
            await using var input = File.OpenRead(file);
            import = await sender.Send(new StartCollectionImportCommand(input, file));
        }
        catch (RequestValidationException refused)
        {
            foreach (var problem in refused.Problems)
                await stderr.WriteLineAsync($"导入无法进行 / import refused: {problem.Message}");
            return CommandOptions.UsageError;
        }

        await stdout.WriteLineAsync($"征收明细导入 {import.Id} 已排队 / queued");
        if (!await worker.RunJobAsync(tenant, import.Id))
            await stderr.WriteLineAsync($"作业 {import.Id} 已由其他进程执行，等待其结束 / job taken by another worker: waiting");
        while ((import = await sender.Send(new GetCollectionImportQuery(import.Id)) ?? import) is { IsActive: true })
            await Task.Delay(TimeSpan.FromSeconds(1));

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"征收明细导入 {import.Id}: {import.Status}，共 {import.TotalRows} 行，新入账 {import.RecordedRows}（{import.RecordedAmount:0.00} 元），已入账 {import.AlreadyRecordedRows}，错误 {import.ErrorRows}，用时 {watch.Elapsed.TotalSeconds:0.0} 秒"));
        if (import.Status != "completed" && import.Message is not null)
            await stdout.WriteLineAsync(import.Message);
        if (import.ErrorRows > 0)
        {
            var report = file + ".errors.csv";
            var written = await sender.Send(new ExportCollectionErrorsQuery(import.Id, ExportFormat.Csv));
            await File.WriteAllBytesAsync(report, written.Content.ToArray());
            await stdout.WriteLineAsync($"错误报告 / error report: {report}");
        }

        return import.Status == "completed" ? 0 : 1;
    }
}
