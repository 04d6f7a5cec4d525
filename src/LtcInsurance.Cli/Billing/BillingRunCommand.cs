using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Cli.Jobs;

namespace LtcInsurance.Cli.Billing;

/// <summary>
/// <c>ltc billing run --tenant X --period P [--connection CS]</c>: the contribution billing run of one period
/// (YYYY for yearly cities, YYYY-MM for Yulin). Exit 0 when run (again: a repeat writes nothing), 1 when refused
/// (missing parameter, wrong period unit; nothing written), 2 when the database cannot be used, 64 for usage errors.
/// Connects as the application role: ConnectionStrings__Ltc unless --connection is given. Queues the same background
/// job as the billing page (<see cref="StartBillingRunCommand"/>, as the command-line operator of the tenant) and runs it
/// at once in this process, so an interrupted run is a job like any other: <c>ltc jobs resume --job ID</c> continues it.
/// </summary>
public static class BillingRunCommand
{
    public const string Usage = "用法 / usage: ltc billing run --tenant X --period P [--connection CONNECTION_STRING]";

    /// <summary>Entry point for <c>ltc billing run</c>: <paramref name="args"/> are the words after "run".</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = await CommandOptions.ParseAsync(args, 0, ["--tenant", "--period", "--connection"], [], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var tenant = options["--tenant"];
        var period = options["--period"];
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");

        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(period) || string.IsNullOrWhiteSpace(connection))
        {
            await stderr.WriteLineAsync("缺少 --tenant、--period 或数据库连接 / --tenant, --period and a connection are required");
            await stderr.WriteLineAsync(Usage);
            return 64;
        }

        return await QueuedRun.ConnectAsync(connection, tenant, "缴费核定无法进行 / billing could not run", stderr,
            services => RunAsJobAsync(services.Sender, services.Jobs, tenant, period, stdout, stderr));
    }

    /// <summary>Queues the run as a job, runs it in process with <paramref name="worker"/>, prints the result.</summary>
    public static Task<int> RunAsJobAsync(ISender sender, JobWorker worker, string tenant, string period,
        TextWriter stdout, TextWriter stderr) =>
        QueuedRun.RunAsJobAsync(sender, worker, tenant, () => sender.Send(new StartBillingRunCommand(period)),
            async job => BillingRunJobs.ReadResult(job) is { } result && await PrintAsync(result, stdout) == 0, stderr,
            BillingRefusal, BillingRunJobs.FailureCode);

    private static string? BillingRefusal(Exception refused) => (refused as BillingRefusedException)?.Code;

    /// <summary>Runs through a sender already acting for a tenant, without a job (tests, other hosts); prints the result.</summary>
    public static async Task<int> RunAsync(ISender sender, string period, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        BillingRunResult result;
        try
        {
            result = await sender.Send(new RunBillingCommand(period));
        }
        catch (Exception refused) when (QueuedRun.Refusal(refused, BillingRefusal) is { } code)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [{code}]: {refused.Message}");
            return 1;
        }

        return await PrintAsync(result, stdout);
    }

    private static async Task<int> PrintAsync(BillingRunResult result, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(c,
            $"期间 {result.Period}: 新建缴费单 {result.BillsCreated}，已存在 {result.BillsAlreadyPresent}，记账 {result.EntriesPosted}，跳过 {result.Skipped.Count}"));
        foreach (var payer in result.Totals.ByPayer)
            await stdout.WriteLineAsync(string.Create(c, $"  {payer.Payer,-16} {payer.Amount,16:0.00}"));
        await stdout.WriteLineAsync(string.Create(c, $"  {"total",-16} {result.Totals.Total,16:0.00}  ({result.Totals.Bills} bills)"));
        foreach (var skipped in result.Skipped)
            await stdout.WriteLineAsync($"  跳过 / skipped {skipped.Name} ({skipped.PersonId}): [{skipped.Code}] {skipped.Message}");
        foreach (var (reason, people) in result.Reasons.OrderBy(r => r.Key, StringComparer.Ordinal))
            await stdout.WriteLineAsync(string.Create(c, $"  未核定 / not billed [{reason}] {BillingSkipReasons.ChineseName(reason)}: {people}"));
        if (result.Warning)
            await stdout.WriteLineAsync(result.BillsCreated + result.BillsAlreadyPresent == 0
                ? "警告 / warning: 本期没有任何缴费单 / the period has no bill"
                : "警告 / warning: 有人员被跳过 / people were skipped");
        return 0;
    }
}
