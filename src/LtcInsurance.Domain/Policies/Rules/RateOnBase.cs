using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// A contribution that is a rate of a base (YL 0.15% of wage for employer and employee, 0.3% for
/// flexible workers, 0.15% of the pension for retirees); each payer's line is rounded on its own.
/// </summary>
public static class RateOnBase
{
    /// <summary>
    /// How a scheme's refusal for a missing base begins (code <c>invalid_input</c>, the <c>ltc calc</c> contract's): billing
    /// counts such refusals as "no base" (<c>no_base</c>) rather than as other problems.
    /// </summary>
    public const string MissingBaseMessage = "缺少缴费基数";

    /// <summary>The refusal for a missing base named <paramref name="baseName"/> (e.g. monthlyWage).</summary>
    public static PolicyException MissingBase(string baseName) =>
        new(ErrorCodes.InvalidInput, $"{MissingBaseMessage} {baseName}");

    /// <summary>True for the refusal <see cref="MissingBase"/> raises.</summary>
    public static bool IsMissingBase(PolicyException refusal) =>
        refusal is { Code: ErrorCodes.InvalidInput } && refusal.Message.StartsWith(MissingBaseMessage, StringComparison.Ordinal);

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

        // Each month's contribution is an amount of its own, rounded once (interpretation 10);
        // a multi-month period is the sum of those monthly amounts, not a rounding of the year.
        var amount = Money.Round(baseAmount * rate.Number) * months;
        var step = RuleNames.Step(
            RuleNames.RateOnBase,
            clause,
            [rate],
            new Dictionary<string, object?> { ["payer"] = payer, [baseName] = baseAmount, ["months"] = months },
            new Dictionary<string, object?> { ["amount"] = amount });
        return (new ContributionLine(payer, amount), step);
    }
}
