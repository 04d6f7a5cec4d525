using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Tests.Policies.Policy;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Policies;

public class ShishiTests
{
    private const string Ss = "shishi";

    [Theory]
    [Trait("clause", "SS 二(一)")]
    [InlineData(PersonStatus.Dibao, true)]
    [InlineData(PersonStatus.Bianyuan, true)]
    [InlineData(PersonStatus.Tekun, true)]
    [InlineData(PersonStatus.Orphan, true)]
    [InlineData(PersonStatus.MedicalAssistance, false)]
    public void Shishi_insures_the_three_special_groups_including_orphans(string status, bool eligible)
    {
        var result = Eligibility(Ss, Person("350581", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: status), "2021-01-01");
        Assert.Equal((eligible, eligible ? SchemeKinds.SpecialGroups : null), (result.Eligible, result.Scheme));
    }

    [Fact]
    [Trait("clause", "SS 二(一)")]
    public void Shishi_outside_350581_is_outside_the_scheme_area()
    {
        var result = Eligibility(Ss, Person("350582", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: PersonStatus.Dibao), "2021-01-01");
        Assert.Equal("outside_scheme_area", result.Reason);
    }

    [Fact]
    [Trait("clause", "SS 文末")]
    public void Shishi_eligibility_before_october_2020_is_scheme_not_in_force()
    {
        var result = Eligibility(Ss, Person("350581", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: PersonStatus.Dibao), "2020-09-30");
        Assert.Equal("scheme_not_in_force", result.Reason);
    }

    [Fact]
    [Trait("clause", "SS 二(三)")]
    public void Shishi_funding_is_380_with_the_12_individual_yuan_paid_by_city_fiscal()
    {
        var result = Contribution(Ss, Person("350581", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: PersonStatus.Tekun), "2021");
        Assert.Equal(380m, result.Total);
        Assert.Equal(368m, result.Line(Payers.Fiscal));
        Assert.Equal(12m, result.Line(Payers.FiscalSubsidy));
        Assert.Equal(0m, result.IndividualDue);
        Assert.Equal("2021", result.Period);
    }

    [Fact]
    [Trait("clause", "SS 二(三)")]
    public void Shishi_people_outside_the_groups_owe_no_contribution()
    {
        var error = Fails(() => Contribution(Ss, Person("350581", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2021"));
        Assert.Equal(ErrorCodes.NotInsured, error.Code);
    }

    [Fact]
    [Trait("clause", "SS 二(四)")]
    public void Shishi_assesses_with_barthel_and_severe_dependency_qualifies()
    {
        var items = new Dictionary<string, int>
        {
            ["feeding"] = 5,
            ["bathing"] = 0,
            ["grooming"] = 0,
            ["dressing"] = 5,
            ["bowels"] = 5,
            ["bladder"] = 5,
            ["toilet"] = 5,
            ["transfer"] = 10,
            ["mobility"] = 5,
            ["stairs"] = 0,
        };
        // the band that qualifies is not in the document: refused until set, then applied (test value: severe)
        var unset = Fails(() => Evaluate(Ss, CaseKinds.Assessment, new AssessmentInput("barthel", items), "2021-01-01", new Dictionary<string, object?> { ["barthelBenefitBands"] = null }));
        Assert.Equal(ErrorCodes.ParameterMissing, unset.Code);
        Assert.Contains("barthelBenefitBands", unset.Message, StringComparison.Ordinal);
        var result = (AssessmentResult)Evaluate(Ss, CaseKinds.Assessment, new AssessmentInput("barthel", items), "2021-01-01").Result;
        Assert.Equal(40, result.Totals["total"]);
        Assert.Equal("severe", result.Grades["total"]);
        Assert.True(result.EligibleForBenefit);
    }

    [Fact]
    [Trait("clause", "SS 二(二)")]
    public void Shishi_tenant_can_open_benefits_to_moderate_dependency()
    {
        var overrides = new ParameterOverrides().Set(Ss, "barthelBenefitBands", D("2022-01-01"), new List<string> { "moderate", "severe" });
        var items = new Dictionary<string, int>
        {
            ["feeding"] = 10,
            ["bathing"] = 0,
            ["grooming"] = 0,
            ["dressing"] = 5,
            ["bowels"] = 5,
            ["bladder"] = 5,
            ["toilet"] = 5,
            ["transfer"] = 10,
            ["mobility"] = 10,
            ["stairs"] = 0,
        };
        var result = (AssessmentResult)Evaluate(Ss, CaseKinds.Assessment, new AssessmentInput("barthel", items), "2022-06-01", overrides: overrides).Result;
        Assert.Equal("moderate", result.Grades["total"]);
        Assert.True(result.EligibleForBenefit);
    }

    [Fact]
    [Trait("clause", "SS 二(五)")]
    public void Shishi_benefit_standards_are_left_to_separate_rules()
    {
        var input = Month("2021-03", ServiceMode.Institution, [Care("2021-03-03", 100m)]);
        var error = Fails(() => Settle(Ss, input));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("fundRatio.institution", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "SS 二(五)4(3)")]
    public void Shishi_pays_nothing_during_an_inpatient_stay()
    {
        var overrides = new ParameterOverrides()
            .Set(Ss, "fundRatio.institution", D("2020-10-01"), 0.8m)
            .Set(Ss, "monthlyLimit.institution", D("2020-10-01"), 2000m);
        var input = Month("2021-03", ServiceMode.Institution, [Care("2021-03-03", 100m), Care("2021-03-04", 100m)], stays: new HospitalStay(D("2021-03-03"), D("2021-03-04")));
        var result = Settle(Ss, input, overrides: overrides);
        Assert.Equal([null, RejectionReasons.Hospitalized], result.Lines.Select(l => l.Rejected));
        Assert.Equal(80m, result.FundPays);
    }

    [Fact]
    [Trait("clause", "SS 二(五)4(4)")]
    public void Shishi_charges_beyond_the_covered_scope_are_not_paid()
    {
        var overrides = new ParameterOverrides()
            .Set(Ss, "fundRatio.home", D("2020-10-01"), 0.8m)
            .Set(Ss, "monthlyLimit.home", D("2020-10-01"), 2000m);
        var input = Month("2021-03", ServiceMode.Home, [Care("2021-03-03", 100m, LineCategories.Drug)]);
        var result = Settle(Ss, input, overrides: overrides);
        Assert.Equal(RejectionReasons.NotCoveredCategory, Assert.Single(result.Lines).Rejected);
    }

    [Fact]
    [Trait("clause", "SS 二(四)")]
    public void Shishi_benefit_start_is_refused_until_the_tenant_sets_a_rule()
    {
        var input = new EntitlementInput(null, D("2021-03-10"), D("2021-03-17"), null);
        var unset = Fails(() => Evaluate(Ss, CaseKinds.Entitlement, input, "2021-03-10", new Dictionary<string, object?> { ["benefitStartRule"] = null }));
        Assert.Equal(ErrorCodes.ParameterMissing, unset.Code);
        var byDefault = (EntitlementResult)Evaluate(Ss, CaseKinds.Entitlement, input, "2021-03-10").Result; // test value day_after_conclusion
        var overrides = new ParameterOverrides().Set(Ss, "benefitStartRule", D("2020-10-01"), "day_after_publicity");
        var changed = (EntitlementResult)Evaluate(Ss, CaseKinds.Entitlement, input, "2021-03-10", overrides: overrides).Result;
        Assert.Equal(D("2021-03-11"), byDefault.EntitledFrom);
        Assert.Equal(D("2021-03-18"), changed.EntitledFrom);
    }

    [Fact]
    [Trait("clause", "SS 文末")]
    public void Shishi_settlement_month_before_the_pilot_is_refused()
    {
        var input = Month("2020-09", ServiceMode.Institution, [Care("2020-09-03", 100m)]);
        Assert.Equal(ErrorCodes.BeforeSchemeStart, Fails(() => Settle(Ss, input)).Code);
    }
}
