using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// A contribution that is a rate of a base (YL 0.15% of wage for employer and employee, 0.3% for
/// flexible workers, 0.15% of the pension for retirees); each payer's line is rounded on its own.
/// </summary>
public static class RateOnBase
{
    public static (ContributionLine Line, TraceStep Step) Apply(
        string clause,
        string payer,
        ResolvedParameter rate,
        string baseName,
        decimal baseAmount,
        int months = 1)
    {
        if (baseAmount < 0)
        {
            throw new PolicyException(ErrorCodes.InvalidInput, $"缴费基数 {baseName} 不能为负数");
        }

        var amount = Money.Round(baseAmount * rate.Number * months);
        var step = RuleNames.Step(
            RuleNames.RateOnBase,
            clause,
            [rate],
            new Dictionary<string, object?> { ["payer"] = payer, [baseName] = baseAmount, ["months"] = months },
            new Dictionary<string, object?> { ["amount"] = amount });
        return (new ContributionLine(payer, amount), step);
    }
}
