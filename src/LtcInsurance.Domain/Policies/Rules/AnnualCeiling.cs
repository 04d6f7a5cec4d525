using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// Yearly ceiling of fund payments per person (YL 二(四)4: ≤ 50% of the previous year's per-capita
/// disposable income). A month is cut to what is left of the year's ceiling.
/// </summary>
public static class AnnualCeiling
{
    public static (decimal Fund, decimal Cut, TraceStep Step) Apply(
        string clause,
        decimal monthFund,
        decimal yearToDateFundPaid,
        ResolvedParameter ratio,
        ResolvedParameter income)
    {
        var ceiling = Money.Round(income.Number * ratio.Number);
        var left = Math.Max(0m, ceiling - yearToDateFundPaid);
        var fund = Math.Min(monthFund, left);
        var step = RuleNames.Step(
            RuleNames.AnnualCeiling,
            clause,
            [ratio, income],
            new Dictionary<string, object?> { ["monthFund"] = monthFund, ["yearToDateFundPaid"] = yearToDateFundPaid },
            new Dictionary<string, object?> { ["ceiling"] = ceiling, ["left"] = left, ["fund"] = fund, ["cut"] = monthFund - fund });
        return (fund, monthFund - fund, step);
    }
}
