using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;

namespace LtcInsurance.Domain.Tests.Rules;

public class RuleTypeTests
{
    private static readonly DateOnly Day = new(2027, 1, 1);

    private static ResolvedParameter P(string name, object value) => new(name, "T 一", "unit", value, Day, ParameterSource.Default);

    [Fact]
    public void Fixed_shares_give_one_line_per_payer_and_a_trace_step()
    {
        var (lines, step) = FixedShares.Apply("SS 二(三)", [(Payers.Individual, P("i", 12m)), (Payers.Fiscal, P("f", 368m))]);
        Assert.Equal(380m, lines.Sum(l => l.Amount));
        Assert.Equal("fixed_shares", step.Rule);
        Assert.Equal(2, step.Parameters.Count);
    }

    [Fact]
    public void Rate_on_base_rounds_the_line_once()
    {
        var (line, _) = RateOnBase.Apply("YL 二(三)1", Payers.Employer, P("r", 0.0015m), "monthlyWage", 20188.41m);
        Assert.Equal(30.28m, line.Amount);
    }

    [Fact]
    public void Status_subsidy_takes_the_most_generous_applicable_ratio()
    {
        var (subsidy, _) = StatusSubsidy.Apply("YL 二(三)5", 10m, ["dibao", "tekun"], [("tekun", P("a", 1m)), ("dibao", P("b", 0.6m))]);
        Assert.Equal(10m, subsidy);
        var (none, _) = StatusSubsidy.Apply("YL 二(三)5", 10m, [], [("tekun", P("a", 1m))]);
        Assert.Equal(0m, none);
    }

    [Fact]
    public void Ratio_with_monthly_limit_reports_the_reduction()
    {
        var (fund, reduced, step) = RatioWithMonthlyLimit.Apply("YL 二(四)4(1)", 1500m, P("r", 0.7m), P("l", 1200m));
        Assert.Equal((840m, 210m), (fund, reduced));
        Assert.Equal("monthly_limit", step.Result["limitedBy"]);
    }

    [Fact]
    public void Ratio_by_mode_and_level_picks_the_level_specific_ratio()
    {
        var table = new Dictionary<string, string> { ["m:1"] = "a", ["m:2"] = "b", ["x"] = "c" };
        var (ratio, _) = RatioByModeAndLevel.Select("JN 三(二)", "m", 2, table, name => P(name, 0.65m));
        Assert.Equal("b", ratio.Name);
        Assert.Equal("c", RatioByModeAndLevel.Select("JN 三(二)", "x", 3, table, name => P(name, 0.65m)).Ratio.Name);
        Assert.Throws<PolicyException>(() => RatioByModeAndLevel.Select("JN 三(二)", "m", null, table, name => P(name, 0.65m)));
    }

    [Fact]
    public void Per_diem_pays_per_day_the_smaller_of_the_days_charges_and_the_rate()
    {
        var (funds, _) = PerDiemByLevel.Apply(
            "YL 二(四)4(3)",
            4,
            P("p", 40m),
            [(Day, 30m), (Day, 30m), (Day.AddDays(1), 25m)]);
        Assert.Equal([20m, 20m, 25m], funds);
    }

    [Theory]
    [Trait("clause", "digest 6.1")]
    [InlineData("2027-05-10", false)]
    [InlineData("2027-05-11", true)]
    [InlineData("2027-05-15", true)]
    [InlineData("2027-05-16", false)]
    public void Hospital_suspension_runs_from_the_day_after_admission_through_discharge(string day, bool suspended)
    {
        var stays = new[] { new HospitalStay(new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 15)) };
        Assert.Equal(suspended, HospitalSuspension.Suspends(stays, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Hospital_stay_without_discharge_keeps_benefits_suspended()
    {
        Assert.True(HospitalSuspension.Suspends([new HospitalStay(Day, null)], Day.AddDays(40)));
    }

    [Fact]
    public void Entitlement_window_is_inclusive_at_both_ends()
    {
        var b = new Beneficiary(3, Day, Day.AddDays(9), 0m);
        Assert.True(EntitlementWindow.Covers(b, Day));
        Assert.True(EntitlementWindow.Covers(b, Day.AddDays(9)));
        Assert.False(EntitlementWindow.Covers(b, Day.AddDays(10)));
        Assert.False(EntitlementWindow.Covers(b, Day.AddDays(-1)));
    }

    [Fact]
    [Trait("clause", "digest 6.11")]
    public void Category_coverage_is_a_list_a_tenant_can_extend()
    {
        Assert.False(CategoryCoverage.Covers(["care", "medical_care"], "drug"));
        Assert.True(CategoryCoverage.Covers(["care", "medical_care", "drug"], "drug"));
    }

    [Fact]
    public void Annual_ceiling_leaves_nothing_once_the_year_is_used_up()
    {
        var (fund, cut, _) = AnnualCeiling.Apply("YL 二(四)4", 300m, 18_500m, P("r", 0.5m), P("i", 36_000m));
        Assert.Equal((0m, 300m), (fund, cut));
    }

    [Fact]
    public void Waiting_period_ignores_gaps_before_the_launch()
    {
        var enrolment = new Enrolment(new DateOnly(2027, 3, 15), [new EnrolmentGap(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))], false);
        var (last, _) = WaitingPeriod.Apply("YL 二(四)5", enrolment, Day, P("m", 6m), () => throw new InvalidOperationException("not needed"));
        Assert.Equal(new DateOnly(2027, 9, 14), last);
    }

    [Fact]
    public void Waiting_period_does_not_apply_to_enrolment_at_launch()
    {
        var (last, _) = WaitingPeriod.Apply("YL 二(四)5", new Enrolment(Day, [], false), Day, P("m", 6m), () => P("x", 3m));
        Assert.Null(last);
    }
}
