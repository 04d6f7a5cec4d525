using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// A contribution standard made of fixed per-person yearly shares, one per payer (SS 380 = 12 + 368,
/// JN 30 = 25 + 5).
/// </summary>
public static class FixedShares
{
    public static (IReadOnlyList<ContributionLine> Lines, TraceStep Step) Apply(
        string clause,
        IReadOnlyList<(string Payer, ResolvedParameter Share)> shares)
    {
        var lines = shares.Select(s => new ContributionLine(s.Payer, Money.Round(s.Share.Number))).ToList();
        var step = RuleNames.Step(
            RuleNames.FixedShares,
            clause,
            shares.Select(s => s.Share),
            new Dictionary<string, object?> { ["payers"] = shares.Select(s => s.Payer).ToList() },
            new Dictionary<string, object?>
            {
                ["lines"] = lines.ToDictionary(l => l.Payer, l => (object?)l.Amount),
                ["total"] = lines.Sum(l => l.Amount),
            });
        return (lines, step);
    }
}
