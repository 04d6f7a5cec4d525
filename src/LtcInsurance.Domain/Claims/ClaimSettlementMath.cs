using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Claims;

/// <summary>
/// How a claim's lines get their share when the beneficiary already has fixed (approved) lines of the same month and
/// entitlement from other providers. The engine settles the earlier lines and the new ones together (so the monthly limit
/// and the per-diem see the whole month); the new claim gets what that month's fund total adds to the fund already fixed,
/// spread over its own lines by the engine's own line amounts. With no earlier lines this is exactly the engine's answer.
/// </summary>
public static class ClaimSettlementMath
{
    public sealed record LineShare(decimal Fund, decimal Individual, string? Rejected);

    public static IReadOnlyList<LineShare> NewLines(SettlementResult combined, int earlierCount, decimal earlierFixedFund, IReadOnlyList<decimal> newAmounts)
    {
        ArgumentNullException.ThrowIfNull(combined);
        ArgumentNullException.ThrowIfNull(newAmounts);
        var own = combined.Lines.Skip(earlierCount).ToList();
        if (own.Count != newAmounts.Count)
            throw new ArgumentException("line count differs from the engine's answer", nameof(newAmounts));
        if (earlierCount == 0)
            return [.. own.Select(l => new LineShare(l.Fund, l.Individual, l.Rejected))];

        var weights = own.Select(l => l.Fund).ToList();
        var covered = own.Where(l => l.Rejected is null).Sum(l => l.Fund + l.Individual);
        var total = Math.Min(Math.Max(0m, combined.FundPays - earlierFixedFund), covered);
        var funds = weights.Sum() == 0 || total == 0 ? weights.Select(_ => 0m).ToList() : Money.Allocate(total, weights);
        return [.. own.Select((l, i) => new LineShare(Math.Min(funds[i], newAmounts[i]), newAmounts[i] - Math.Min(funds[i], newAmounts[i]), l.Rejected))];
    }
}
