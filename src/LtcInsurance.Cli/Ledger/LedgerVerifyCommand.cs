using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Cli.Ledger;

/// <summary>
/// <c>ltc ledger verify --tenant X [--connection CS]</c>: recomputes the tenant's hash chain and balances.
/// Exit 0 when intact, 1 at the first entry that does not match (printed), 2 when the database cannot be read,
/// 64 for a usage error.
/// Connects as the application role: --connection, else ConnectionStrings__Ltc, else the embedded development
/// cluster in --data-dir (or Ltc__DataDirectory, default ./.data/postgres), as `ltc db migrate` does.
/// </summary>
public static class LedgerVerifyCommand
{
    public const int Intact = 0;
    public const int Mismatch = 1;
    public const int UsageError = 64;

    public const string Usage = "用法 / usage: ltc ledger verify --tenant X [--connection APP_CONNECTION_STRING] [--data-dir DIR]";

    /// <summary>Entry point for <c>ltc ledger verify</c>: <paramref name="args"/> are the words after "verify".</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = await CommandOptions.ParseAsync(args, 0, ["--tenant", "--connection", "--data-dir"], [], Usage, stderr);
        if (options is null)
            return UsageError;
        var tenant = options["--tenant"];
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        var dataDirectory = options.OrEnvironment("--data-dir", "Ltc__DataDirectory")
                            ?? Path.Combine(Environment.CurrentDirectory, ".data", "postgres");
        if (string.IsNullOrWhiteSpace(tenant))
        {
            await stderr.WriteLineAsync("缺少 --tenant / --tenant is required");
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }
        try
        {
            // Like `ltc db migrate`: without a configured database, use the development cluster.
            await using var database = await CliDatabase.OpenAsync(connection, dataDirectory, stderr);
            await using var services = CliServices.Create(database.AppConnectionString, tenant);
            return await RunAsync(tenant, services.Sender, stdout);
        }
        catch (Exception failure) when (CliDatabase.IsUnavailable(failure))
        {
            await stderr.WriteLineAsync($"账簿校验无法进行 / ledger verify could not run: {failure.Message}");
            return 2;
        }
    }

    /// <summary>Verifies the books of the sender's tenant (<see cref="VerifyLedgerQuery"/>) and prints the result.</summary>
    public static async Task<int> RunAsync(string tenant, ISender sender, TextWriter stdout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var result = await sender.Send(new VerifyLedgerQuery(), cancellationToken);
        return await ReportAsync(tenant, result, stdout);
    }

    /// <summary>Prints the result in Chinese and English and returns the exit code.</summary>
    public static async Task<int> ReportAsync(string tenant, VerificationResult result, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stdout);
        var inv = CultureInfo.InvariantCulture;
        if (result.FirstBreak is null)
        {
            await stdout.WriteLineAsync(string.Create(inv,
                $"账簿校验通过 / ledger verified: tenant {tenant}, {result.EntriesChecked} entries, " +
                $"debits {result.TotalDebits:0.00} = credits {result.TotalCredits:0.00}, head {result.HeadHash}"));
            return Intact;
        }
        var b = result.FirstBreak;
        await stdout.WriteLineAsync(string.Create(inv,
            $"账簿校验失败 / ledger verification FAILED: tenant {tenant}, first bad entry #{b.Sequence} ({Describe(b.Problem)})"));
        await stdout.WriteLineAsync(string.Create(inv,
            $"  {b.Detail}"));
        await stdout.WriteLineAsync(string.Create(inv,
            $"  此前 {result.EntriesChecked} 笔凭证完好 / the {result.EntriesChecked} entries before it are intact"));
        return Mismatch;
    }

    private static string Describe(ChainProblem problem) => problem switch
    {
        ChainProblem.WrongTenant => "租户不符 / wrong tenant",
        ChainProblem.SequenceGap => "凭证号断号 / sequence gap",
        ChainProblem.BrokenLink => "哈希链断开 / broken link",
        ChainProblem.Unbalanced => "借贷不平 / unbalanced",
        ChainProblem.HashMismatch => "内容被改动 / content altered",
        ChainProblem.InvalidReversal => "冲销无效 / invalid reversal",
        ChainProblem.HeadMismatch => "链尾缺失 / chain truncated",
        _ => problem.ToString(),
    };
}
