using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// The fund pays a ratio of the month's covered total, the total first capped by a monthly limit when
/// there is one (YL home 70% of at most 1200, community 70% of at most 1100; JN ratios without a limit).
/// Rounded once for the month.
/// </summary>
public static class RatioWithMonthlyLimit
{
    public static (decimal Fund, decimal ReducedByLimit, TraceStep Step) Apply(
        string clause,
        decimal coveredTotal,
        ResolvedParameter ratio,
        ResolvedParameter? monthlyLimit)
    {
        var payableBase = monthlyLimit is null ? coveredTotal : Math.Min(coveredTotal, monthlyLimit.Number);
        var fund = Money.Round(payableBase * ratio.Number);
        var unlimited = Money.Round(coveredTotal * ratio.Number);
        var parameters = monthlyLimit is null ? new[] { ratio } : [ratio, monthlyLimit];
        var step = RuleNames.Step(
            RuleNames.RatioWithMonthlyLimit,
            clause,
            parameters,
            new Dictionary<string, object?> { ["coveredTotal"] = coveredTotal },
            new Dictionary<string, object?>
            {
                ["payableBase"] = payableBase,
                ["fund"] = fund,
                ["limitedBy"] = monthlyLimit is not null && coveredTotal > monthlyLimit.Number ? "monthly_limit" : null,
            });
        return (fund, unlimited - fund, step);
    }
}
