using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Domain.Tests.Ledger;

public class StandardChartSpecs
{
    [Fact]
    public void Every_tenant_gets_the_standard_accounts_with_unique_codes()
    {
        var chart = StandardChart.For("yulin");
        Assert.Equal(chart.Count, chart.Select(a => a.Code).Distinct().Count());
        Assert.Contains(chart, a => a is { Code: StandardChart.FundSpecialAccount, Name: "基金专户存款", Type: AccountType.Asset });
        Assert.Contains(chart, a => a is { Code: StandardChart.AccumulatedSurplus, Name: "累计结余", Type: AccountType.Equity });
        Assert.Contains(chart, a => a is { Code: StandardChart.AgencyFees, Name: "经办服务费支出", Type: AccountType.Expense });
        Assert.Equal(6, chart.Count(a => a.Type == AccountType.Income));
        Assert.Equal(6, chart.Count(a => a.Code.StartsWith("1101.", StringComparison.Ordinal)));
        Assert.All(chart, a => Assert.Equal("yulin", a.TenantId));
    }

    [Theory]
    [InlineData(ServiceMode.Home, "5101.01")]
    [InlineData(ServiceMode.Community, "5101.02")]
    [InlineData(ServiceMode.Institution, "5101.03")]
    [InlineData(ServiceMode.MedicalSpecial, "5101.04")]
    [InlineData(ServiceMode.InstitutionMedical, "5101.05")]
    [InlineData(ServiceMode.HomeMedical, "5101.06")]
    [InlineData(ServiceMode.IndividualCareWorker, "5101.07")]
    public void Benefit_expense_codes_are_fixed_per_service_mode_not_by_enum_order(ServiceMode mode, string code)
    {
        // Stored in every chart and posting: the codes must survive a reordering of the enum.
        Assert.Equal(code, StandardChart.BenefitExpense(mode));
        Assert.Contains(StandardChart.For("yulin"), a => a.Code == code && a.Type == AccountType.Expense);
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardChart.BenefitExpense((ServiceMode)99));
    }

    [Fact]
    public void Region_split_adds_one_sub_account_per_city_account_and_region()
    {
        var regions = new Dictionary<string, string> { ["jfb"] = "解放碑街道", ["cqt"] = "朝天门街道" };
        var city = StandardChart.For("yuzhong");
        var chart = StandardChart.For("yuzhong", regions);
        Assert.Equal(city.Count * 3, chart.Count);
        var sub = Assert.Single(chart, a => a.Code == "3101@jfb");
        Assert.Equal(("累计结余（解放碑街道）", "jfb", "3101"), (sub.Name, sub.RegionCode, sub.ParentCode));
    }
}

public class DefaultRegionSpecs
{
    [Fact]
    public void Jining_books_are_split_by_its_six_pilot_counties()
    {
        // JN 一: six pilot areas; JN 二: each pilot county's fiscal pays its 5 yuan share.
        var regions = StandardChart.DefaultRegions("jining");
        Assert.NotNull(regions);
        Assert.Equal(["370811", "370812", "370828", "370830", "370881", "370883"], regions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("曲阜市", regions["370881"]);
    }

    [Theory]
    [InlineData("zhenjiang")]
    [InlineData("shishi")]
    [InlineData("yuzhong")]
    [InlineData("yulin")]
    public void Schemes_pooled_city_wide_keep_one_set_of_books(string tenant) =>
        Assert.Null(StandardChart.DefaultRegions(tenant));
}

public class AgencyFeeCeilingSpecs
{
    [Fact]
    public void Jining_agency_fee_guideline_is_two_percent_of_the_years_funding()
    {
        // JN 六: about 2% of the year's total funding; assessment fees are not part of it.
        var usage = AgencyFeeCeiling.Check(AgencyFeeCeilingRule.Jining, 2027, 1_000_000m, agencyFees: 15_000m, assessmentFees: 9_000m);
        Assert.Equal(20_000m, usage.Ceiling);
        Assert.Equal(15_000m, usage.FeesCounted);
        Assert.Equal(5_000m, usage.Remaining);
        Assert.Equal(0.75m, usage.UsageOfCeiling);
        Assert.False(usage.Exceeded);
        Assert.False(usage.Rule.Binding);
    }

    [Fact]
    public void Yulin_counts_assessment_fees_within_five_percent_of_the_years_premium()
    {
        // YL 三(六): service fees including assessment fees within 5% of the year's total premium.
        var usage = AgencyFeeCeiling.Check(AgencyFeeCeilingRule.Yulin, 2027, 1_000_000m, agencyFees: 40_000m, assessmentFees: 10_000.01m);
        Assert.Equal(50_000m, usage.Ceiling);
        Assert.Equal(50_000.01m, usage.FeesCounted);
        Assert.True(usage.Exceeded);
    }

    [Fact]
    public void The_ceiling_is_rounded_once_to_the_fen_half_away_from_zero()
    {
        var rule = AgencyFeeCeilingRule.Jining with { Ratio = 0.025m };
        Assert.Equal(0.03m, AgencyFeeCeiling.Check(rule, 2027, 1m, 0m, 0m).Ceiling);
    }

    [Fact]
    public void The_ceiling_ratio_is_a_tenant_parameter_and_must_be_a_share()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AgencyFeeCeiling.Check(AgencyFeeCeilingRule.Yulin with { Ratio = 5m }, 2027, 1m, 0m, 0m));
    }
}
