using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Tests.Policies.Policy;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Policies;

public class YuzhongTests
{
    private const string Yz = "yuzhong";

    [Theory]
    [Trait("clause", "YZ 三")]
    [InlineData("500103", MedicalInsuranceScheme.Employee, true)]
    [InlineData("500103", MedicalInsuranceScheme.Resident, false)]
    [InlineData("500104", MedicalInsuranceScheme.Employee, false)]
    public void Yuzhong_insures_employee_enrollees_of_the_district(string region, MedicalInsuranceScheme insurance, bool eligible)
    {
        Assert.Equal(eligible, Eligibility(Yz, Person(region, insurance, EmploymentStatus.Employed), "2022-03-01").Eligible);
    }

    [Fact]
    [Trait("clause", "YZ 五(二)")]
    public void Yuzhong_pilot_starts_in_january_2022()
    {
        Assert.Equal("scheme_not_in_force", Eligibility(Yz, Person("500103", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2021-12-31").Reason);
    }

    [Fact]
    [Trait("clause", "YZ 三")]
    public void Yuzhong_contribution_follows_municipal_figures_not_in_the_plan()
    {
        var error = Fails(() => Contribution(Yz, Person("500103", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2022"));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("individualShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "YZ 四(四)")]
    public void Yuzhong_benefits_are_computed_per_day_once_the_daily_figure_is_set()
    {
        var input = Month("2022-03", ServiceMode.Institution, [Care("2022-03-01", 80m), Care("2022-03-02", 30m)]);
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Settle(Yz, input)).Code);

        var overrides = new ParameterOverrides().Set(Yz, "perDiem.institution", D("2022-01-01"), 50m);
        var result = Settle(Yz, input, overrides: overrides);
        Assert.Equal([50m, 30m], result.Lines.Select(l => l.Fund));
    }

    [Fact]
    [Trait("clause", "YZ 四(二)")]
    public void Yuzhong_assessment_result_drives_the_benefit_decision()
    {
        var result = (AssessmentResult)Evaluate(Yz, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(100, 16, 12)), "2022-03-01").Result;
        Assert.Equal((0, false), (result.Level, result.EligibleForBenefit));
    }

    [Fact]
    [Trait("clause", "YZ 四(二)")]
    public void Yuzhong_benefit_start_rule_is_not_in_the_plan_and_is_refused_until_set()
    {
        var input = new EntitlementInput(null, D("2022-05-31"), null, null);
        var error = Fails(() => Evaluate(Yz, CaseKinds.Entitlement, input, "2022-05-31", new Dictionary<string, object?> { ["benefitStartRule"] = null }));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("benefitStartRule", error.Message, StringComparison.Ordinal);
        // with the test value day_after_conclusion (Policy.TestValues)
        Assert.Equal(D("2022-06-01"), ((EntitlementResult)Evaluate(Yz, CaseKinds.Entitlement, input, "2022-05-31").Result).EntitledFrom);
    }

    [Fact]
    [Trait("clause", "YZ 四(二)")]
    public void Yuzhong_qualifying_level_is_not_in_the_plan_and_is_refused_until_set()
    {
        var unset = new Dictionary<string, object?> { ["national2021MinimumLevel"] = null };
        var error = Fails(() => Evaluate(Yz, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(40, 16, 12)), "2022-03-01", unset));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
    }
}
