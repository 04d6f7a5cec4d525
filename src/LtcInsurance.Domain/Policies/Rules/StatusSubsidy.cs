using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// Government pays part or all of a person's own contribution according to their status (YL 100%
/// for 特困, 60% for 低保/防返贫; SS city fiscal pays the whole 12 yuan). With several statuses
/// the most generous ratio applies.
/// </summary>
public static class StatusSubsidy
{
    public static (decimal Subsidy, TraceStep Step) Apply(
        string clause,
        decimal individualShare,
        IReadOnlyList<string> statuses,
        IReadOnlyList<(string Status, ResolvedParameter Ratio)> ratios)
    {
        var applicable = ratios.Where(r => statuses.Contains(r.Status)).ToList();
        var ratio = applicable.Count == 0 ? 0m : applicable.Max(r => r.Ratio.Number);
        var subsidy = Money.Round(individualShare * ratio);
        var step = RuleNames.Step(
            RuleNames.StatusSubsidy,
            clause,
            applicable.Select(a => a.Ratio),
            new Dictionary<string, object?> { ["individualShare"] = individualShare, ["statuses"] = statuses.ToList() },
            new Dictionary<string, object?> { ["ratio"] = ratio, ["subsidy"] = subsidy, ["individualDue"] = individualShare - subsidy });
        return (subsidy, step);
    }
}
