using LtcInsurance.Domain.Policies.Cases;
using static LtcInsurance.Domain.Tests.Policies.Policy;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Policies;

public class JiningTests
{
    private const string Jn = "jining";

    [Theory]
    [Trait("clause", "JN 一")]
    [InlineData("370811")]
    [InlineData("370812")]
    [InlineData("370881")]
    [InlineData("370883")]
    [InlineData("370828")]
    [InlineData("370830")]
    public void Jining_insures_resident_enrollees_of_the_six_pilot_areas(string region)
    {
        var result = Eligibility(Jn, Person(region, MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2022-06-01");
        Assert.Equal((true, SchemeKinds.Resident), (result.Eligible, result.Scheme));
    }

    [Fact]
    [Trait("clause", "JN 一")]
    public void Jining_other_districts_and_employee_enrollees_are_not_in_the_pilot()
    {
        Assert.Equal("outside_scheme_area", Eligibility(Jn, Person("370802", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2022-06-01").Reason);
        Assert.False(Eligibility(Jn, Person("370811", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2022-06-01").Eligible);
    }

    [Fact]
    [Trait("clause", "JN 序言")]
    public void Jining_pilot_runs_from_2022()
    {
        // with the test value schemeStart = 2022-01-01 (Policy.TestValues)
        Assert.Equal("scheme_not_in_force", Eligibility(Jn, Person("370811", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2021-12-31").Reason);
    }

    [Fact]
    [Trait("clause", "JN 序言")]
    public void Jining_in_force_date_is_not_in_the_notice_and_ships_without_a_value()
    {
        var unset = new Dictionary<string, object?> { ["schemeStart"] = null };
        var error = Fails(() => Eligibility(Jn, Person("370811", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2022-06-01", parameters: unset));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("schemeStart", error.Message, StringComparison.Ordinal);
        var definition = Assert.Single(LtcInsurance.Domain.Policies.PolicyCalculator.DefaultParameters[Jn], d => d.Name == "schemeStart");
        Assert.Null(Assert.Single(definition.Values).Value);
    }

    [Fact]
    [Trait("clause", "JN 二")]
    public void Jining_funding_is_30_yuan_25_from_the_medical_fund_and_5_from_county_fiscal()
    {
        var result = Contribution(Jn, Person("370811", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2023");
        Assert.Equal((30m, 25m, 5m, 0m), (result.Total, result.Line(Payers.MedicalFund), result.Line(Payers.Fiscal), result.IndividualDue));
    }

    [Theory]
    [Trait("clause", "JN 三(二)")]
    [InlineData(ServiceMode.MedicalSpecial, 1, 700)]
    [InlineData(ServiceMode.MedicalSpecial, 2, 650)]
    [InlineData(ServiceMode.MedicalSpecial, 3, 600)]
    [InlineData(ServiceMode.InstitutionMedical, null, 650)]
    [InlineData(ServiceMode.HomeMedical, null, 700)]
    public void Jining_pays_a_ratio_by_service_mode_and_institution_level_without_deductible(ServiceMode mode, int? providerLevel, int fund)
    {
        var input = Month("2023-05", mode, [Care("2023-05-03", 400m), Care("2023-05-04", 600m, LineCategories.MedicalCare)], providerLevel: providerLevel);
        var result = Settle(Jn, input);
        Assert.Equal(fund, result.FundPays);
        Assert.Equal(1000m - fund, result.IndividualPays);
    }

    [Fact]
    [Trait("clause", "JN 三(二)")]
    public void Jining_ratio_applies_to_the_months_covered_total_rounded_once()
    {
        var input = Month("2023-05", ServiceMode.HomeMedical, [Care("2023-05-03", 0.05m), Care("2023-05-04", 0.05m), Care("2023-05-05", 0.05m)]);
        var result = Settle(Jn, input);
        Assert.Equal(0.11m, result.FundPays); // 0.7 × 0.15 = 0.105 → 0.11; per-line rounding would give 0.12
        Assert.Equal(result.Billed, result.FundPays + result.IndividualPays);
    }

    [Fact]
    [Trait("clause", "JN 三(二)")]
    public void Jining_medical_special_care_needs_the_institution_level()
    {
        var input = Month("2023-05", ServiceMode.MedicalSpecial, [Care("2023-05-03", 100m)]);
        Assert.Equal(ErrorCodes.ProviderLevelRequired, Fails(() => Settle(Jn, input)).Code);
    }

    [Fact]
    [Trait("clause", "JN 三(三)")]
    public void Jining_is_silent_on_hospital_stays_so_a_line_in_one_needs_the_tenant_switch()
    {
        var input = Month("2023-05", ServiceMode.HomeMedical, [Care("2023-05-12", 100m)], stays: new HospitalStay(D("2023-05-10"), D("2023-05-15")));
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Settle(Jn, input)).Code);
        Assert.Null(Assert.Single(Settle(Jn, input, new Dictionary<string, object?> { ["suspendDuringHospitalStay"] = false }).Lines).Rejected);
        Assert.Equal(RejectionReasons.Hospitalized,
            Assert.Single(Settle(Jn, input, new Dictionary<string, object?> { ["suspendDuringHospitalStay"] = true }).Lines).Rejected);
    }

    [Fact]
    [Trait("clause", "JN 三(三)")]
    public void Jining_settles_without_the_hospital_switch_when_no_line_falls_in_a_stay()
    {
        // admitted on the 10th: the 10th is still paid (interpretation 1), the 20th is after discharge
        var input = Month("2023-05", ServiceMode.HomeMedical, [Care("2023-05-10", 100m), Care("2023-05-20", 100m)], stays: new HospitalStay(D("2023-05-10"), D("2023-05-15")));
        Assert.All(Settle(Jn, input).Lines, l => Assert.Null(l.Rejected));
    }

    [Fact]
    [Trait("clause", "JN 三(一)")]
    public void Jining_care_need_assessment_uses_the_national_standard_threshold()
    {
        // with the test value national2021MinimumLevel = 3 (Policy.TestValues)
        var result = (AssessmentResult)Evaluate(Jn, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(40, 2, 12)), "2022-06-01").Result;
        Assert.Equal((4, true), (result.Level, result.EligibleForBenefit));
    }

    [Fact]
    [Trait("clause", "JN 三(一)")]
    public void Jining_qualifying_level_is_not_in_the_notice_and_is_refused_until_set()
    {
        var unset = new Dictionary<string, object?> { ["national2021MinimumLevel"] = null };
        var error = Fails(() => Evaluate(Jn, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(40, 2, 12)), "2022-06-01", unset));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("national2021MinimumLevel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "JN 三(一)")]
    public void Jining_benefit_start_rule_is_not_in_the_notice_and_is_refused_until_set()
    {
        var input = new EntitlementInput(null, D("2022-07-01"), null, null);
        var error = Fails(() => Evaluate(Jn, CaseKinds.Entitlement, input, "2022-07-01", new Dictionary<string, object?> { ["benefitStartRule"] = null }));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("benefitStartRule", error.Message, StringComparison.Ordinal);
        // once an admin sets a rule (here the test value day_after_conclusion) it applies
        Assert.Equal(D("2022-07-02"), ((EntitlementResult)Evaluate(Jn, CaseKinds.Entitlement, input, "2022-07-01").Result).EntitledFrom);
    }
}
