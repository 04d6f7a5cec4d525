using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// Settlement invariants over generated months of Yulin (YL 二(四)4-6) and Jining (JN 三(二)) bills:
/// the money always adds up, the fund never pays past a limit, a ceiling, a per-diem, a hospital stay
/// or the entitlement window, and amounts are whole fen and reproducible.
/// </summary>
public class SettlementProperties
{
    private const int Runs = 200;

    // YL 二(四)4(1)(2) and (3), JN 三(二): the figures the documents fix
    private static readonly Dictionary<ServiceMode, decimal> YulinMonthlyLimit = new() { [ServiceMode.Home] = 1200m, [ServiceMode.Community] = 1100m };
    private static readonly Dictionary<int, decimal> YulinPerDiem = new() { [3] = 35m, [4] = 40m, [5] = 45m };
    private const decimal YulinFundRatio = 0.70m;

    private static Property ForAllSettlements(Action<SettlementScenario, SettlementResult> check) =>
        Prop.ForAll(Scenarios.AnySettlement.ToArbitrary(), scenario => check(scenario, Scenarios.Settle(scenario)));

    private static Property ForAllYulin(Action<SettlementScenario, SettlementResult> check) =>
        Prop.ForAll(Scenarios.Yulin.ToArbitrary(), scenario => check(scenario, Scenarios.Settle(scenario)));

    /// <summary>The rejection a line must get from the documents alone: window, then hospital stay (Yulin), then category.</summary>
    private static string? ExpectedRejection(SettlementScenario scenario, ServiceLine line)
    {
        var b = scenario.Input.Beneficiary;
        if (line.Date < b.EntitledFrom || (b.EntitledTo is { } to && line.Date > to))
        {
            return RejectionReasons.NotEntitled;
        }

        // interpretation 1: admitted < d <= discharged
        if (scenario.Tenant == TenantIds.Yulin && scenario.Input.HospitalStays.Any(s => s.Admitted < line.Date && line.Date <= s.Discharged))
        {
            return RejectionReasons.Hospitalized;
        }

        // YL 二(四)4(1)(2): Yulin home and community care pay 生活照料 (care) only; institution care and Jining also medical care
        var homeOrCommunity = scenario.Tenant == TenantIds.Yulin && scenario.Input.ServiceMode is ServiceMode.Home or ServiceMode.Community;
        return line.Category == LineCategories.Care || (line.Category == LineCategories.MedicalCare && !homeOrCommunity)
            ? null
            : RejectionReasons.NotCoveredCategory;
    }

    private static List<ServiceLine> CoveredLines(SettlementScenario scenario) =>
        [.. scenario.Input.Lines.Where(l => ExpectedRejection(scenario, l) is null)];

    private static decimal YearLeft(SettlementScenario scenario) =>
        Math.Max(0m, Money.Round(scenario.Income!.Value * 0.5m) - scenario.Input.Beneficiary.YearToDateFundPaid);

    [Property(MaxTest = Runs)]
    public Property Billed_equals_fund_plus_individual_and_the_lines_sum_to_the_totals() =>
        ForAllSettlements((scenario, result) =>
        {
            Assert.Equal(scenario.Input.Lines.Sum(l => l.Amount), result.Billed);
            Assert.Equal(result.Billed, result.FundPays + result.IndividualPays);
            Assert.Equal(scenario.Input.Lines.Count, result.Lines.Count);
            Assert.Equal(result.FundPays, result.Lines.Sum(l => l.Fund));
            Assert.Equal(result.IndividualPays, result.Lines.Sum(l => l.Individual));
            for (var i = 0; i < result.Lines.Count; i++)
            {
                var line = result.Lines[i];
                Assert.Equal(i, line.Index);
                Assert.Equal(scenario.Input.Lines[i].Amount, line.Fund + line.Individual);
                Assert.InRange(line.Fund, 0m, scenario.Input.Lines[i].Amount);
            }
        });

    [Property(MaxTest = Runs)]
    public Property No_fund_money_outside_the_entitlement_window_during_a_hospital_stay_or_for_uncovered_charges() =>
        ForAllSettlements((scenario, result) =>
        {
            for (var i = 0; i < result.Lines.Count; i++)
            {
                var expected = ExpectedRejection(scenario, scenario.Input.Lines[i]);
                Assert.Equal(expected, result.Lines[i].Rejected);
                if (expected is not null)
                {
                    Assert.Equal(0m, result.Lines[i].Fund);
                }
            }
        });

    [Property(MaxTest = Runs)]
    public Property Yulin_fund_never_exceeds_the_monthly_limit_times_the_ratio_nor_what_is_left_of_the_yearly_ceiling() =>
        ForAllYulin((scenario, result) =>
        {
            Assert.True(result.FundPays <= YearLeft(scenario), $"fund {result.FundPays} above the {YearLeft(scenario)} left of the year");
            Assert.True(result.FundPays <= CoveredLines(scenario).Sum(l => l.Amount), "fund above the covered charges");
            if (YulinMonthlyLimit.TryGetValue(scenario.Input.ServiceMode, out var limit))
            {
                Assert.True(result.FundPays <= Money.Round(limit * YulinFundRatio), $"fund {result.FundPays} above 70% of the {limit} limit");
            }
        });

    [Property(MaxTest = Runs)]
    public Property Yulin_institution_fund_never_exceeds_the_per_diem_on_any_day() =>
        Prop.ForAll(
            Scenarios.Yulin.Where(s => s.Input.ServiceMode == ServiceMode.Institution).ToArbitrary(),
            scenario =>
            {
                var result = Scenarios.Settle(scenario);
                var perDiem = YulinPerDiem[scenario.Input.Beneficiary.Level!.Value];
                var paidByDay = result.Lines.GroupBy(l => scenario.Input.Lines[l.Index].Date);
                foreach (var day in paidByDay)
                {
                    Assert.True(day.Sum(l => l.Fund) <= perDiem, $"{day.Key}: {day.Sum(l => l.Fund)} above the per-diem {perDiem}");
                }

                var serviceDays = CoveredLines(scenario).Select(l => l.Date).Distinct().Count();
                Assert.True(result.FundPays <= perDiem * serviceDays);
            });

    /// <summary>The whole Yulin rule as a model: ratio of the capped month or per-diem per day, then the yearly ceiling.</summary>
    [Property(MaxTest = Runs)]
    public Property Yulin_fund_is_the_mode_rule_cut_to_the_yearly_ceiling() =>
        ForAllYulin((scenario, result) =>
        {
            var covered = CoveredLines(scenario);
            var byRule = YulinMonthlyLimit.TryGetValue(scenario.Input.ServiceMode, out var limit)
                ? Money.Round(YulinFundRatio * Math.Min(covered.Sum(l => l.Amount), limit))
                : covered.GroupBy(l => l.Date).Sum(day => Math.Min(day.Sum(l => l.Amount), YulinPerDiem[scenario.Input.Beneficiary.Level!.Value]));
            Assert.Equal(Math.Min(byRule, YearLeft(scenario)), result.FundPays);
        });

    /// <summary>JN 三(二), interpretation 6: the mode's ratio (医疗专护 by provider level) on the month's covered total, rounded once.</summary>
    [Property(MaxTest = Runs)]
    public Property Jining_fund_is_the_ratio_of_the_covered_total_rounded_once() =>
        Prop.ForAll(Scenarios.Jining.ToArbitrary(), scenario =>
        {
            var ratio = scenario.Input.ServiceMode switch
            {
                ServiceMode.MedicalSpecial => scenario.Input.ProviderMedicalInstitutionLevel switch { 1 => 0.70m, 2 => 0.65m, _ => 0.60m },
                ServiceMode.InstitutionMedical => 0.65m,
                _ => 0.70m,
            };
            var result = Scenarios.Settle(scenario);
            Assert.Equal(Money.Round(ratio * CoveredLines(scenario).Sum(l => l.Amount)), result.FundPays);
        });

    [Property(MaxTest = Runs)]
    public Property Amounts_are_whole_fen_and_evaluating_twice_gives_the_same_result() =>
        ForAllSettlements((scenario, result) =>
        {
            var amounts = new[] { result.Billed, result.FundPays, result.IndividualPays }
                .Concat(result.Lines.SelectMany(l => new[] { l.Fund, l.Individual }));
            Assert.All(amounts, a => Assert.True(Scenarios.IsWholeFen(a), $"{a} has more than two decimals"));

            var again = Scenarios.Settle(scenario);
            Assert.Equal((result.Billed, result.FundPays, result.IndividualPays), (again.Billed, again.FundPays, again.IndividualPays));
            Assert.Equal(result.Lines, again.Lines);
        });
}
