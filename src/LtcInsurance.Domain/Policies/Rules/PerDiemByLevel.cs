using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// Bed-day payment (YL 二(四)4(3)): for each service day the fund pays the smaller of the day's
/// covered charges and the per-diem of the beneficiary's level. The day's payment is split over the
/// day's lines in proportion to their amounts.
/// </summary>
public static class PerDiemByLevel
{
    /// <returns>Per line (same order as <paramref name="coveredLines"/>) the fund amount, and the trace.</returns>
    public static (IReadOnlyList<decimal> LineFunds, TraceStep Step) Apply(
        string clause,
        int level,
        ResolvedParameter perDiem,
        IReadOnlyList<(DateOnly Date, decimal Amount)> coveredLines)
    {
        var lineFunds = new decimal[coveredLines.Count];
        var days = new Dictionary<string, object?>();
        foreach (var day in coveredLines.Select((line, index) => (line, index)).GroupBy(x => x.line.Date).OrderBy(g => g.Key))
        {
            var dayTotal = day.Sum(x => x.line.Amount);
            var dayFund = Money.Round(Math.Min(dayTotal, perDiem.Number));
            var split = Money.Allocate(dayFund, day.Select(x => x.line.Amount).ToList());
            var members = day.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                lineFunds[members[i].index] = split[i];
            }

            days[day.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)] = dayFund;
        }

        var step = RuleNames.Step(
            RuleNames.PerDiemByLevel,
            clause,
            [perDiem],
            new Dictionary<string, object?> { ["level"] = level, ["serviceDays"] = days.Count },
            new Dictionary<string, object?> { ["fundPerDay"] = days, ["fund"] = lineFunds.Sum() });
        return (lineFunds, step);
    }
}
