using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Supervision;
using LtcInsurance.Application.Supervision.StartSupervisionRun;
using LtcInsurance.Cli.Jobs;

namespace LtcInsurance.Cli.Supervision;

/// <summary>
/// <c>ltc supervise run --tenant X [--month YYYY-MM] [--connection CS]</c>: the anomaly rules over one service month or,
/// without <c>--month</c>, the current month and the two before it. Queues the same background job as the nightly
/// schedule (<see cref="StartSupervisionRunCommand"/>, as the command-line operator of the tenant) and runs it in this
/// process through the shell it shares with <c>ltc billing run</c> (<see cref="QueuedRun"/>). Exit 0 when run (a repeat
/// raises nothing new), 1 when refused, 2 when the database cannot be used, 64 for usage errors.
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

        return await QueuedRun.ConnectAsync(connection, tenant, "异常数据筛查无法进行 / supervision could not run", stderr,
            services => RunAsJobAsync(services.Sender, services.Jobs, tenant, options["--month"], stdout, stderr));
    }

    /// <summary>Queues the run as a job, runs it in process with <paramref name="worker"/>, prints the result.</summary>
    public static Task<int> RunAsJobAsync(ISender sender, JobWorker worker, string tenant, string? month, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        return QueuedRun.RunAsJobAsync(sender, worker, tenant,
            () => sender.Send(new StartSupervisionRunCommand(string.IsNullOrWhiteSpace(month) ? null : month)),
            job => PrintAsync(job, stdout), stderr);
    }

    private static async Task<bool> PrintAsync(JobView job, TextWriter stdout)
    {
        if (job is not { Status: JobView.Succeeded, Result: { } json } || JsonSerializer.Deserialize<SupervisionRunResult>(json) is not { } result)
            return false;
        var c = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(c,
            $"月份 / months {string.Join(",", result.Months)}: 明细 / lines {result.Lines}, 疑点 / found {result.Found}, 新增 / new {result.RaisedTotal}"));
        foreach (var (rule, count) in result.Raised.OrderBy(r => r.Key, StringComparer.Ordinal))
            await stdout.WriteLineAsync(string.Create(c, $"  {rule,-32} {count,6}"));
        return true;
    }
}
