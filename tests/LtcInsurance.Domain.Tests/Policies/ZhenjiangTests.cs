using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Tests.Policies.Policy;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Policies;

public class ZhenjiangTests
{
    private const string Zj = "zhenjiang";

    [Theory]
    [Trait("clause", "ZJ 二(一)")]
    [InlineData("321102", MedicalInsuranceScheme.Employee, true, SchemeKinds.Employee)]
    [InlineData("321182", MedicalInsuranceScheme.Employee, true, SchemeKinds.Employee)]
    [InlineData("321182", MedicalInsuranceScheme.Resident, true, SchemeKinds.Resident)]
    [InlineData("321102", MedicalInsuranceScheme.Resident, false, null)]
    [InlineData("321102", MedicalInsuranceScheme.None, false, null)]
    public void Zhenjiang_insures_employees_city_wide_and_residents_of_yangzhong_only(string region, MedicalInsuranceScheme insurance, bool eligible, string? scheme)
    {
        var result = Eligibility(Zj, Person(region, insurance, EmploymentStatus.Employed), "2024-03-01");
        Assert.Equal((eligible, scheme), (result.Eligible, result.Scheme));
    }

    [Fact]
    [Trait("clause", "ZJ 二(一)")]
    public void Zhenjiang_region_outside_3211_is_outside_the_scheme_area()
    {
        var result = Eligibility(Zj, Person("320102", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2024-03-01");
        Assert.Equal("outside_scheme_area", result.Reason);
    }

    [Fact]
    [Trait("clause", "ZJ 文末")]
    public void Zhenjiang_eligibility_before_october_2023_is_scheme_not_in_force()
    {
        var result = Eligibility(Zj, Person("321102", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2023-09-30");
        Assert.Equal((false, "scheme_not_in_force"), (result.Eligible, result.Reason));
    }

    [Fact]
    [Trait("clause", "ZJ 二(三)")]
    public void Zhenjiang_contribution_shares_are_left_to_local_rules()
    {
        var error = Fails(() => Contribution(Zj, Person("321102", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2024"));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("employeeIndividualShare", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZJ 二(三)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "ZJ 二(三)")]
    public void Zhenjiang_employee_contribution_is_individual_plus_medical_fund_once_set()
    {
        var overrides = new ParameterOverrides()
            .Set(Zj, "employeeIndividualShare", D("2023-10-01"), 50m)
            .Set(Zj, "employeeMedicalFundShare", D("2023-10-01"), 50m);
        var result = Contribution(Zj, Person("321102", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2024", overrides: overrides);
        Assert.Equal((100m, 50m, 50m), (result.Total, result.Line(Payers.Individual), result.Line(Payers.MedicalFund)));
    }

    [Fact]
    [Trait("clause", "ZJ 二(三)")]
    public void Zhenjiang_medical_assistance_residents_have_their_individual_part_paid_by_fiscal()
    {
        var overrides = new ParameterOverrides()
            .Set(Zj, "residentIndividualShare", D("2023-10-01"), 30m)
            .Set(Zj, "residentMedicalFundShare", D("2023-10-01"), 30m)
            .Set(Zj, "residentFiscalShare", D("2023-10-01"), 40m);
        var result = Contribution(Zj, Person("321182", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: PersonStatus.MedicalAssistance), "2024", overrides: overrides);
        Assert.Equal(0m, result.IndividualDue);
        Assert.Equal(30m, result.Line(Payers.FiscalSubsidy));
        Assert.Equal(100m, result.Total);
    }

    [Fact]
    [Trait("clause", "ZJ 二(五)3")]
    public void Zhenjiang_payment_levels_are_left_to_local_rules()
    {
        var input = Month("2024-01", ServiceMode.Home, [Care("2024-01-03", 100m)]);
        var error = Fails(() => Settle(Zj, input));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("fundRatio.home", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "ZJ 二(五)3")]
    public void Zhenjiang_settles_without_deductible_once_the_tenant_sets_ratio_and_limit()
    {
        var overrides = new ParameterOverrides()
            .Set(Zj, "fundRatio.home", D("2023-10-01"), 0.75m)
            .Set(Zj, "monthlyLimit.home", D("2023-10-01"), 1000m);
        var input = Month("2024-01", ServiceMode.Home, [Care("2024-01-03", 100m), Care("2024-01-04", 20m, LineCategories.Meal)]);
        var result = Settle(Zj, input, overrides: overrides);
        Assert.Equal(75m, result.FundPays);
        Assert.Equal(45m, result.IndividualPays);
    }

    [Fact]
    [Trait("clause", "ZJ 二(五)1")]
    public void Zhenjiang_benefits_start_the_day_after_the_conclusion()
    {
        var input = new EntitlementInput(null, D("2024-03-10"), D("2024-03-15"), null);
        var result = (EntitlementResult)Evaluate(Zj, CaseKinds.Entitlement, input, "2024-03-10").Result;
        Assert.Equal(D("2024-03-11"), result.EntitledFrom);
    }

    [Fact]
    [Trait("clause", "ZJ 二(四)")]
    public void Zhenjiang_assesses_with_the_national_standard_and_severe_levels_qualify()
    {
        var result = (AssessmentResult)Evaluate(Zj, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(0, 0, 0)), "2024-03-01").Result;
        Assert.Equal((5, true), (result.Level, result.EligibleForBenefit));
    }

    [Fact]
    [Trait("clause", "ZJ 二(二)")]
    public void Zhenjiang_tenant_can_extend_benefits_to_moderate_disability_later()
    {
        var overrides = new ParameterOverrides().Set(Zj, "national2021MinimumLevel", D("2026-01-01"), 2m);
        var items = National2021Items.With(50, 16, 12);
        var before = (AssessmentResult)Evaluate(Zj, CaseKinds.Assessment, new AssessmentInput("national2021", items), "2025-12-31", overrides: overrides).Result;
        var after = (AssessmentResult)Evaluate(Zj, CaseKinds.Assessment, new AssessmentInput("national2021", items), "2026-01-01", overrides: overrides).Result;
        Assert.False(before.EligibleForBenefit);
        Assert.True(after.EligibleForBenefit);
    }

    [Fact]
    [Trait("clause", "ZJ 二(五)3")]
    public void Zhenjiang_offers_home_community_institution_and_home_family_care()
    {
        var input = Month("2024-01", ServiceMode.HomeMedical, [Care("2024-01-03", 100m)]);
        Assert.Equal(ErrorCodes.ServiceModeNotOffered, Fails(() => Settle(Zj, input)).Code);
    }

    [Fact]
    [Trait("clause", "ZJ 二(五)1")]
    public void Zhenjiang_disability_must_have_lasted_six_months_before_the_conclusion()
    {
        var tooSoon = new EntitlementInput(null, D("2024-03-10"), null, null, DisabledSince: D("2023-10-01"));
        Assert.Equal(ErrorCodes.DisabilityNotLasting, Fails(() => Evaluate(Zj, CaseKinds.Entitlement, tooSoon, "2024-03-10")).Code);

        var lasting = tooSoon with { DisabledSince = D("2023-09-10") };
        Assert.Equal(D("2024-03-11"), ((EntitlementResult)Evaluate(Zj, CaseKinds.Entitlement, lasting, "2024-03-10").Result).EntitledFrom);
    }
}
