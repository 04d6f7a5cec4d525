using System.Globalization;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Cli.Ledger;

/// <summary>
/// <c>ltc ledger verify --tenant X [--connection CS]</c>: recomputes the tenant's hash chain and balances.
/// Exit 0 when intact, 1 at the first entry that does not match (printed), 64 for a usage error.
/// Connects as the application role: ConnectionStrings__Ltc from the environment unless --connection is given.
/// </summary>
public static class LedgerVerifyCommand
{
    public const int Intact = 0;
    public const int Mismatch = 1;
    public const int UsageError = 64;

    public const string Usage = "用法 / usage: ltc ledger verify --tenant X [--connection CONNECTION_STRING]";

    /// <summary>Runs with a verifier already bound to the tenant (used by the tests and by RunAsync).</summary>
    public static async Task<int> RunAsync(string tenant, ILedgerVerifier verifier, TextWriter stdout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var result = await verifier.VerifyAsync(cancellationToken);
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
