using LtcInsurance.Application.Ledger;
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

    public static async Task<LedgerVerificationRun> RunAsync(IMemoryCache cache, string tenantId, ILedgerVerifier verifier,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(clock);
        var result = await verifier.VerifyAsync(cancellationToken);
        var run = new LedgerVerificationRun(result, clock.GetUtcNow());
        cache.Set(Key(tenantId), run, TimeSpan.FromHours(12));
        return run;
    }
}
