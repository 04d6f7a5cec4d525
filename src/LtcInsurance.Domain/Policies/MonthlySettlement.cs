using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Rules;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// Turns one beneficiary's month of service lines into fund and personal amounts: screen each line
/// (entitlement window, hospital stay, category, in that order), pay the covered lines by the mode's
/// rule, cut to the yearly ceiling, then spread the month's fund total back over the covered lines.
/// </summary>
public static class MonthlySettlement
{
    public static SettlementResult Settle(SettlementInput input, SettlementPlan plan, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);

        if (plan.Screening.SuspendDuringHospitalStay is null && input.Lines.Any(l => HospitalSuspension.Suspends(input.HospitalStays, l.Date)))
        {
            // the city is silent on hospital stays and a line falls in one: the switch matters, so its absence refuses
            context.Param(CommonParameters.SuspendDuringHospitalStay, input.Month.FirstDay);
        }

        var reasons = input.Lines.Select(line => RejectionOf(line, input, plan)).ToList();
        RecordScreening(input, plan, reasons, context);

        var covered = Enumerable.Range(0, input.Lines.Count).Where(i => reasons[i] is null).ToList();
        var reductions = new List<SettlementReduction>();
        decimal fund;
        IReadOnlyList<decimal> weights;
        switch (plan.Payment)
        {
            case RatioPayment ratio:
                {
                    var coveredTotal = covered.Sum(i => input.Lines[i].Amount);
                    var (ratioFund, reducedByLimit, step) = RatioWithMonthlyLimit.Apply(ratio.Clause, coveredTotal, ratio.Ratio, ratio.MonthlyLimit);
                    context.Record(step);
                    if (reducedByLimit > 0)
                    {
                        reductions.Add(new SettlementReduction(RejectionReasons.MonthlyLimit, reducedByLimit));
                    }

                    fund = ratioFund;
                    weights = covered.Select(i => input.Lines[i].Amount).ToList();
                    break;
                }

            case PerDiemPayment perDiem:
                {
                    var (lineFunds, step) = PerDiemByLevel.Apply(
                        perDiem.Clause,
                        perDiem.Level,
                        perDiem.PerDiem,
                        covered.Select(i => (input.Lines[i].Date, input.Lines[i].Amount)).ToList());
                    context.Record(step);
                    fund = lineFunds.Sum();
                    weights = lineFunds;
                    break;
                }

            default:
                throw new InvalidOperationException($"unknown payment rule {plan.Payment.GetType().Name}");
        }

        if (plan.Ceiling is { } ceiling)
        {
            var (capped, cut, step) = AnnualCeiling.Apply(ceiling.Clause, fund, input.Beneficiary.YearToDateFundPaid, ceiling.Ratio, ceiling.Base);
            context.Record(step);
            if (cut > 0)
            {
                reductions.Add(new SettlementReduction(RejectionReasons.AnnualCap, cut));
            }

            fund = capped;
        }

        // weights may all be zero only when nothing is covered, and then the fund is zero too
        var allocation = weights.Sum() == 0 ? weights.Select(_ => 0m).ToList() : Money.Allocate(fund, weights);
        var lineFund = new decimal[input.Lines.Count];
        for (var k = 0; k < covered.Count; k++)
        {
            lineFund[covered[k]] = allocation[k];
        }

        var lines = input.Lines
            .Select((line, i) => new SettlementLineResult(i, lineFund[i], line.Amount - lineFund[i], reasons[i]))
            .ToList();
        var billed = input.Lines.Sum(l => l.Amount);
        var fundPays = lineFund.Sum();
        context.Record(
            RuleNames.LineAllocation,
            plan.Payment.Clause,
            [],
            new Dictionary<string, object?> { ["fund"] = fund, ["coveredLines"] = covered.Count },
            new Dictionary<string, object?> { ["billed"] = billed, ["fundPays"] = fundPays, ["individualPays"] = billed - fundPays });
        return new SettlementResult(billed, fundPays, billed - fundPays, lines, reductions);
    }

    private static string? RejectionOf(ServiceLine line, SettlementInput input, SettlementPlan plan)
    {
        if (!EntitlementWindow.Covers(input.Beneficiary, line.Date))
        {
            return RejectionReasons.NotEntitled;
        }

        if (plan.Screening.SuspendDuringHospitalStay is { Flag: true } && HospitalSuspension.Suspends(input.HospitalStays, line.Date))
        {
            return RejectionReasons.Hospitalized;
        }

        return CategoryCoverage.Covers(plan.Screening.CoveredCategories.Texts, line.Category) ? null : RejectionReasons.NotCoveredCategory;
    }

    private static void RecordScreening(SettlementInput input, SettlementPlan plan, List<string?> reasons, PolicyContext context)
    {
        List<int> Rejected(string reason) => [.. Enumerable.Range(0, reasons.Count).Where(i => reasons[i] == reason)];

        context.Record(
            RuleNames.EntitlementWindow,
            plan.Screening.EntitlementClause,
            [],
            new Dictionary<string, object?> { ["entitledFrom"] = input.Beneficiary.EntitledFrom, ["entitledTo"] = input.Beneficiary.EntitledTo },
            new Dictionary<string, object?> { ["rejectedLines"] = Rejected(RejectionReasons.NotEntitled) });
        context.Record(
            RuleNames.HospitalSuspension,
            plan.Screening.SuspendDuringHospitalStay?.Clause ?? plan.Screening.HospitalClause ?? plan.Screening.EntitlementClause,
            plan.Screening.SuspendDuringHospitalStay is { } suspend ? [suspend] : [],
            new Dictionary<string, object?> { ["hospitalStays"] = input.HospitalStays.Count },
            new Dictionary<string, object?> { ["rejectedLines"] = Rejected(RejectionReasons.Hospitalized) });
        context.Record(
            RuleNames.CategoryCoverage,
            plan.Screening.CoveredCategories.Clause,
            [plan.Screening.CoveredCategories],
            new Dictionary<string, object?> { ["serviceMode"] = input.ServiceMode.Code() },
            new Dictionary<string, object?> { ["rejectedLines"] = Rejected(RejectionReasons.NotCoveredCategory) });
    }
}
