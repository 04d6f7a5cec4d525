using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain.Ledger;
using Microsoft.Extensions.Caching.Memory;

namespace LtcInsurance.Web.Ledger;

/// <summary>A verification of a tenant's hash chain and when it ran.</summary>
public sealed record LedgerVerificationRun(VerificationResult Result, DateTimeOffset RanAt);

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
