using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Supervision;
using LtcInsurance.Application.Supervision.StartSupervisionRun;
using LtcInsurance.Cli.Composition;

namespace LtcInsurance.Cli.Supervision;

/// <summary>
/// <c>ltc supervise run --tenant X [--month YYYY-MM] [--connection CS]</c>: the anomaly rules over one service month or,
/// without <c>--month</c>, the current month and the two before it. Queues the same background job as the nightly
/// schedule (<see cref="StartSupervisionRunCommand"/>, as the command-line operator of the tenant) and runs it in this
/// process. Exit 0 when run (a repeat raises nothing new), 1 when refused, 2 when the database cannot be used, 64 for
/// usage errors.
/// </summary>
public static class SuperviseRunCommand
{
    public const string Usage = "用法 / usage: ltc supervise run --tenant X [--month YYYY-MM] [--connection CONNECTION_STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = await CommandOptions.ParseAsync(args, 0, ["--tenant", "--month", "--connection"], [], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var tenant = options["--tenant"];
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(connection))
        {
            await stderr.WriteLineAsync("缺少 --tenant 或数据库连接 / --tenant and a connection are required");
            await stderr.WriteLineAsync(Usage);
            return CommandOptions.UsageError;
        }

        try
        {
            await using var services = CliServices.Create(connection, tenant);
            return await RunAsJobAsync(services.Sender, services.Jobs, tenant, options["--month"], stdout, stderr);
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException or ArgumentException)
        {
            await stderr.WriteLineAsync($"异常数据筛查无法进行 / supervision could not run: {failure.Message}");
            return 2;
        }
    }

    /// <summary>Queues the run as a job, runs it in process with <paramref name="worker"/>, prints the result.</summary>
    public static async Task<int> RunAsJobAsync(ISender sender, JobWorker worker, string tenant, string? month, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        JobView job;
        try
        {
            job = await sender.Send(new StartSupervisionRunCommand(string.IsNullOrWhiteSpace(month) ? null : month));
        }
        catch (RequestValidationException invalid)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [invalid_input]: {invalid.Message}");
            return 1;
        }

        if (!await worker.RunJobAsync(tenant, job.Id))
            await stderr.WriteLineAsync($"作业 {job.Id} 已由其他进程执行，等待其结束 / job taken by another worker: waiting");
        while ((job = await sender.Send(new GetJobQuery(job.Id)) ?? job) is { IsFinished: false })
            await Task.Delay(TimeSpan.FromSeconds(1));

        if (job is { Status: JobView.Succeeded, Result: { } json } && JsonSerializer.Deserialize<SupervisionRunResult>(json) is { } result)
        {
            var c = CultureInfo.InvariantCulture;
            await stdout.WriteLineAsync(string.Create(c,
                $"月份 / months {string.Join(",", result.Months)}: 明细 / lines {result.Lines}, 疑点 / found {result.Found}, 新增 / new {result.RaisedTotal}"));
            foreach (var (rule, count) in result.Raised.OrderBy(r => r.Key, StringComparer.Ordinal))
                await stdout.WriteLineAsync(string.Create(c, $"  {rule,-32} {count,6}"));
            return 0;
        }

        await stderr.WriteLineAsync($"失败 / failed [{job.Status}]: {job.Message}（作业 / job {job.Id}）");
        return 1;
    }
}
