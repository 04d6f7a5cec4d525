using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain.Ledger;
using Microsoft.Extensions.Caching.Memory;

namespace LtcInsurance.Web.Ledger;

/// <summary>
/// A verification of a tenant's hash chain, when it ran and the head it reached: for an intact chain the last entry's
/// sequence (entries run 1, 2, … without gaps) and hash, which an auditor compares with a published head.
/// </summary>
public sealed record LedgerVerificationRun(VerificationResult Result, DateTimeOffset RanAt)
{
    /// <summary>The head the verification reached and found intact; null when it failed.</summary>
    public ChainHead? VerifiedHead => Result.IsIntact ? new ChainHead(Result.EntriesChecked, Result.HeadHash) : null;

    /// <summary>
    /// A passed verification no longer covers the books once their recorded head has moved (new entries): the page
    /// then says "未校验新分录" instead of "校验通过". A failed one stays failed whatever came after.
    /// </summary>
    public bool IsStaleFor(ChainHead current) => VerifiedHead is { } verified && verified != current;
}

/// <summary>
/// Remembers the last verification per tenant, so that opening the overview does not recompute a long chain
/// each time; "重新校验" runs it again. Kept in memory only: after a restart the first visit verifies afresh.
/// </summary>
public static class LedgerVerificationLog
{
    private static string Key(string tenantId) => "ltc.ledger.verification:" + tenantId;

    public static LedgerVerificationRun? Last(IMemoryCache cache, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.TryGetValue(Key(tenantId), out LedgerVerificationRun? run) ? run : null;
    }

    /// <summary>Verifies the books of the sender's tenant (<see cref="VerifyLedgerQuery"/>) and remembers the run.</summary>
    public static async Task<LedgerVerificationRun> RunAsync(IMemoryCache cache, string tenantId, ISender sender,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(clock);
        var result = await sender.Send(new VerifyLedgerQuery(), cancellationToken);
        var run = new LedgerVerificationRun(result, clock.GetUtcNow());
        cache.Set(Key(tenantId), run, TimeSpan.FromHours(12));
        return run;
    }
}
