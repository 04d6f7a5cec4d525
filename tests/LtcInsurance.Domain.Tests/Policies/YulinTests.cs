using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Tests.Policies.Policy;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Policies;

public class YulinTests
{
    private const string Yl = "yulin";

    // ---- who is insured

    [Fact]
    [Trait("clause", "YL 二(一)")]
    public void Yulin_employee_enrollees_are_insured_under_the_employee_scheme()
    {
        var result = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2027-02-01");
        Assert.Equal((true, SchemeKinds.Employee), (result.Eligible, result.Scheme));
    }

    [Fact]
    [Trait("clause", "YL 二(一)")]
    public void Yulin_excludes_people_receiving_the_work_injury_care_allowance()
    {
        var result = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Retired, statuses: PersonStatus.WorkInjuryCareAllowance), "2027-02-01");
        Assert.False(result.Eligible);
        Assert.Equal("work_injury_care_allowance", result.Reason);
    }

    [Fact]
    [Trait("clause", "YL 二(一)")]
    public void Yulin_region_codes_outside_4509_are_outside_the_scheme_area()
    {
        var result = Eligibility(Yl, Person("450102", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2027-02-01");
        Assert.Equal((false, "outside_scheme_area"), (result.Eligible, result.Reason));
    }

    [Fact]
    [Trait("clause", "YL 文末")]
    public void Yulin_eligibility_before_2027_is_scheme_not_in_force()
    {
        var result = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2026-12-31");
        Assert.Equal((false, null, "scheme_not_in_force"), (result.Eligible, result.Scheme, result.Reason));
    }

    [Theory]
    [Trait("clause", "YL 二(三)3")]
    [InlineData(MedicalInsuranceScheme.Employee, null, true, SchemeKinds.Employee)]
    [InlineData(MedicalInsuranceScheme.Resident, null, true, SchemeKinds.Resident)]
    [InlineData(MedicalInsuranceScheme.Resident, "resident", true, SchemeKinds.Resident)]
    [InlineData(MedicalInsuranceScheme.Employee, "resident", false, null)]
    public void Yulin_flexible_workers_choose_a_scheme_matching_their_medical_insurance(MedicalInsuranceScheme insurance, string? choice, bool eligible, string? scheme)
    {
        // the resident policy counts only once the resident scheme has started (test value, see YulinResidentSchemeLive)
        var result = Eligibility(Yl, Person("450921", insurance, EmploymentStatus.FlexiblyEmployed), "2027-02-01", choice, parameters: YulinResidentSchemeLive);
        Assert.Equal((eligible, scheme), (result.Eligible, result.Scheme));
    }

    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void Yulin_minors_follow_their_guardian_and_orphans_are_deemed_insured()
    {
        var child = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01"), "2027-02-01", guardianInsured: true, parameters: YulinResidentSchemeLive);
        var orphan = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.None, EmploymentStatus.NotEmployed, "2015-03-01", PersonStatus.Orphan), "2027-02-01", parameters: YulinResidentSchemeLive);
        Assert.Equal((true, SchemeKinds.Resident, "minor_deemed_insured"), (child.Eligible, child.Scheme, child.Reason));
        Assert.Equal((true, SchemeKinds.Resident, "orphan_deemed_insured"), (orphan.Eligible, orphan.Scheme, orphan.Reason));
    }

    // ---- contributions

    [Fact]
    [Trait("clause", "YL 二(三)1")]
    public void Yulin_employee_and_employer_each_pay_0_15_percent_of_the_wage_rounded_per_line()
    {
        var result = Contribution(Yl, Person("450922", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2027-03", wage: 20188.41m);
        Assert.Equal(30.28m, result.Line(Payers.Employer));
        Assert.Equal(30.28m, result.Line(Payers.Individual));
        Assert.Equal(60.56m, result.Total);
        Assert.Equal(30.28m, result.IndividualDue);
    }

    [Fact]
    [Trait("clause", "YL 二(三)2")]
    public void Yulin_retirees_pay_0_15_percent_of_last_years_pension_alone()
    {
        var result = Contribution(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Retired), "2027-04", pension: 7429.21m);
        Assert.Equal(11.14m, result.Total);
        Assert.Equal([Payers.Individual], result.Lines.Select(l => l.Payer));
    }

    [Fact]
    [Trait("clause", "YL 二(三)3")]
    public void Yulin_flexible_workers_on_the_employee_policy_pay_0_3_percent_alone()
    {
        var result = Contribution(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.FlexiblyEmployed), "2027-05", wage: 4000m);
        Assert.Equal(12.00m, result.Line(Payers.Individual));
        Assert.Equal(0m, result.Line(Payers.Employer));
    }

    [Fact]
    [Trait("clause", "YL 二(三)4")]
    public void Yulin_resident_contribution_has_no_figure_until_set()
    {
        var error = Fails(() => Contribution(Yl, Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2027", parameters: YulinResidentSchemeLive));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("residentIndividualAmount", error.Message, StringComparison.Ordinal);
        Assert.Contains("YL 二(三)4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "YL 二(三)5")]
    [InlineData(PersonStatus.Tekun, 0.00, 12.00)]
    [InlineData(PersonStatus.Dibao, 4.80, 7.20)]
    [InlineData(PersonStatus.Fangfan, 4.80, 7.20)]
    public void Yulin_subsidizes_the_individual_part_of_people_in_difficulty(string status, double due, double subsidy)
    {
        var overrides = new ParameterOverrides()
            .Set(Yl, "residentSchemeStart", D("2027-01-01"), D("2027-01-01"))
            .Set(Yl, "residentIndividualAmount", D("2027-01-01"), 12m)
            .Set(Yl, "residentFiscalAmount", D("2027-01-01"), 12m);
        var result = Contribution(Yl, Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses: status), "2027", overrides: overrides);
        Assert.Equal((decimal)due, result.IndividualDue);
        Assert.Equal((decimal)subsidy, result.Line(Payers.FiscalSubsidy));
        Assert.Equal(24m, result.Total);
    }

    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void Yulin_minors_pay_no_contribution_of_their_own()
    {
        var result = Contribution(Yl, Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01"), "2027", guardianInsured: true, parameters: YulinResidentSchemeLive);
        Assert.Equal(0m, result.Total);
        Assert.Empty(result.Lines);
    }

    [Fact]
    [Trait("clause", "YL 二(二)")]
    public void Yulin_contributions_are_monthly_and_a_year_is_twelve_months()
    {
        var person = Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        var year = Contribution(Yl, person, "2027", wage: 5000m);
        Assert.Equal("2027", year.Period);
        Assert.Equal(90.00m, year.Line(Payers.Individual));
    }

    [Fact]
    [Trait("clause", "YL 文末")]
    public void Yulin_contribution_month_before_2027_is_refused()
    {
        var error = Fails(() => Contribution(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2026-12", wage: 5000m));
        Assert.Equal(ErrorCodes.BeforeSchemeStart, error.Code);
    }

    // ---- settlement

    [Fact]
    [Trait("clause", "YL 二(四)4(1)")]
    public void Yulin_home_care_pays_70_percent_of_at_most_1200_a_month()
    {
        var input = Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 800m), Care("2027-05-10", 700m)]);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal(1500m, result.Billed);
        Assert.Equal(840m, result.FundPays);
        Assert.Equal(660m, result.IndividualPays);
        Assert.Contains(result.Reductions, r => r.Reason == RejectionReasons.MonthlyLimit);
        Assert.All(result.Lines, l => Assert.Null(l.Rejected));
    }

    [Fact]
    [Trait("clause", "YL 二(四)4(2)")]
    public void Yulin_community_care_pays_70_percent_of_at_most_1100_a_month()
    {
        var input = Month("2027-05", ServiceMode.Community, [Care("2027-05-03", 600m), Care("2027-05-04", 600m)]);
        Assert.Equal(770m, Settle(Yl, input, YulinIncome36000).FundPays);
    }

    [Fact]
    [Trait("clause", "YL 二(四)4(1)")]
    public void Yulin_home_care_below_the_limit_pays_70_percent_rounded_once()
    {
        var input = Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 100.05m), Care("2027-05-04", 100.05m), Care("2027-05-05", 100.05m)]);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal(210.11m, result.FundPays); // 0.7 × 300.15 = 210.105 → 210.11, not 3 × 70.04
        Assert.Equal(result.FundPays, result.Lines.Sum(l => l.Fund));
    }

    [Theory]
    [Trait("clause", "YL 二(四)4(3)")]
    [InlineData(3, 35)]
    [InlineData(4, 40)]
    [InlineData(5, 45)]
    public void Yulin_institution_care_pays_per_diem_by_level(int level, int perDiem)
    {
        var input = Month("2027-04", ServiceMode.Institution, Daily("2027-04", 60m), level);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal(30 * perDiem, result.FundPays);
        Assert.All(result.Lines, l => Assert.Equal(perDiem, l.Fund));
    }

    [Fact]
    [Trait("clause", "YL 二(四)4(3)")]
    public void Yulin_institution_day_cheaper_than_the_per_diem_pays_the_days_charge()
    {
        var input = Month("2027-04", ServiceMode.Institution, [Care("2027-04-01", 30m), Care("2027-04-02", 50m)], level: 5);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal([30m, 45m], result.Lines.Select(l => l.Fund));
    }

    [Fact]
    [Trait("clause", "YL 二(四)4(3)")]
    public void Yulin_institution_care_requires_a_severe_level()
    {
        var input = Month("2027-04", ServiceMode.Institution, [Care("2027-04-01", 30m)], level: 2);
        Assert.Equal(ErrorCodes.LevelNotCovered, Fails(() => Settle(Yl, input, YulinIncome36000)).Code);
    }

    [Fact]
    [Trait("clause", "YL 二(四)4")]
    public void Yulin_yearly_ceiling_cuts_the_month_to_what_is_left()
    {
        var input = Month("2027-11", ServiceMode.Institution, Daily("2027-11", 45m), level: 5, entitledFrom: "2027-01-05", yearToDate: 17500m);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal(1350m, result.Billed);
        Assert.Equal(500m, result.FundPays);
        Assert.Equal(850m, result.IndividualPays);
        Assert.Equal(new SettlementReduction(RejectionReasons.AnnualCap, 850m), Assert.Single(result.Reductions));
        Assert.All(result.Lines, l => Assert.Null(l.Rejected));
    }

    [Fact]
    [Trait("clause", "YL 二(四)4")]
    public void Yulin_yearly_ceiling_needs_the_published_income_figure()
    {
        var input = Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 100m)]);
        var error = Fails(() => Settle(Yl, input));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("previousYearDisposableIncomePerCapita", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "YL 二(四)6")]
    public void Yulin_bed_and_meal_charges_are_never_paid_by_the_fund()
    {
        var input = Month("2027-05", ServiceMode.Institution, [Care("2027-05-01", 45m), Care("2027-05-01", 30m, LineCategories.Bed), Care("2027-05-01", 20m, LineCategories.Meal)], level: 5);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal([null, RejectionReasons.NotCoveredCategory, RejectionReasons.NotCoveredCategory], result.Lines.Select(l => l.Rejected));
        Assert.Equal(45m, result.FundPays);
        Assert.Equal(50m, result.IndividualPays);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_hospital_stay_suspends_from_the_day_after_admission_to_discharge()
    {
        var lines = new[] { "2027-05-09", "2027-05-10", "2027-05-11", "2027-05-15", "2027-05-16" }.Select(d => Care(d, 45m));
        var input = Month("2027-05", ServiceMode.Institution, lines, level: 5, stays: new HospitalStay(D("2027-05-10"), D("2027-05-15")));
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal([null, null, RejectionReasons.Hospitalized, RejectionReasons.Hospitalized, null], result.Lines.Select(l => l.Rejected));
        Assert.Equal(135m, result.FundPays);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_line_rejection_reports_not_entitled_before_hospitalized_before_category()
    {
        var input = Month(
            "2027-05",
            ServiceMode.Home,
            [Care("2027-05-02", 10m, LineCategories.Meal), Care("2027-05-12", 10m, LineCategories.Meal), Care("2027-05-20", 10m, LineCategories.Meal)],
            entitledFrom: "2027-05-05",
            stays: new HospitalStay(D("2027-05-01"), D("2027-05-12")));
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal(
            [RejectionReasons.NotEntitled, RejectionReasons.Hospitalized, RejectionReasons.NotCoveredCategory],
            result.Lines.Select(l => l.Rejected));
        Assert.Equal(30m, result.IndividualPays);
    }

    [Fact]
    [Trait("clause", "YL 二(四)2")]
    public void Yulin_offers_only_home_community_and_institution_care()
    {
        var input = Month("2027-05", ServiceMode.MedicalSpecial, [Care("2027-05-03", 100m)]);
        Assert.Equal(ErrorCodes.ServiceModeNotOffered, Fails(() => Settle(Yl, input, YulinIncome36000)).Code);
    }

    [Fact]
    [Trait("clause", "YL 文末")]
    public void Yulin_settlement_month_before_2027_is_refused()
    {
        var input = Month("2026-12", ServiceMode.Home, [Care("2026-12-03", 100m)]);
        Assert.Equal(ErrorCodes.BeforeSchemeStart, Fails(() => Settle(Yl, input, YulinIncome36000)).Code);
    }

    [Fact]
    [Trait("clause", "YL 二(四)4")]
    public void Yulin_settlement_records_every_parameter_it_used()
    {
        var input = Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 100m)]);
        var evaluation = Evaluate(Yl, CaseKinds.Settlement, input, "2027-05-31", YulinIncome36000);
        var used = evaluation.ParametersUsed.Select(p => p.Name).ToList();
        Assert.Contains("fundRatio.home", used);
        Assert.Contains("monthlyLimit.home", used);
        Assert.Contains("previousYearDisposableIncomePerCapita", used);
        Assert.Equal(ParameterSource.Case, evaluation.ParametersUsed.Single(p => p.Name == "previousYearDisposableIncomePerCapita").Source);
        Assert.All(evaluation.Trace, step => Assert.False(string.IsNullOrWhiteSpace(step.Clause)));
    }

    // ---- entitlement

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_benefits_start_when_service_starts_after_publicity()
    {
        var input = new EntitlementInput(new Enrolment(D("2027-01-01"), [], false), D("2027-06-01"), D("2027-06-08"), D("2027-06-20"));
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-06-01").Result;
        Assert.Equal(D("2027-06-20"), result.EntitledFrom);
        Assert.Null(result.WaitingPeriodUntil);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_service_starting_during_publicity_counts_from_the_day_after_publicity()
    {
        var input = new EntitlementInput(null, D("2027-06-01"), D("2027-06-08"), D("2027-06-03"));
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-06-01").Result;
        Assert.Equal(D("2027-06-09"), result.EntitledFrom);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5 激励约束")]
    public void Yulin_late_joiners_wait_six_months_from_enrolment()
    {
        var input = new EntitlementInput(new Enrolment(D("2027-03-15"), [new EnrolmentGap(D("2026-01-01"), D("2026-12-31"))], false), D("2027-06-01"), D("2027-06-08"), D("2027-06-20"));
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-06-01").Result;
        Assert.Equal(D("2027-09-14"), result.WaitingPeriodUntil);
        Assert.Equal(D("2027-09-15"), result.EntitledFrom);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5 激励约束")]
    public void Yulin_newborns_do_not_wait()
    {
        var input = new EntitlementInput(new Enrolment(D("2027-08-15"), [], true), D("2027-09-01"), D("2027-09-08"), D("2027-09-10"));
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-09-01").Result;
        Assert.Null(result.WaitingPeriodUntil);
        Assert.Equal(D("2027-09-10"), result.EntitledFrom);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5 激励约束")]
    public void Yulin_gap_after_launch_lengthens_the_wait_by_a_figure_the_tenant_sets()
    {
        var input = new EntitlementInput(new Enrolment(D("2029-01-01"), [new EnrolmentGap(D("2028-01-01"), D("2028-12-31"))], false), D("2029-02-01"), D("2029-02-08"), D("2029-02-10"));
        var error = Fails(() => Evaluate(Yl, CaseKinds.Entitlement, input, "2029-02-01"));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("waitingPeriodExtraMonthsPerGapYear", error.Message, StringComparison.Ordinal);

        var overrides = new ParameterOverrides().Set(Yl, "waitingPeriodExtraMonthsPerGapYear", D("2027-01-01"), 3m);
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2029-02-01", overrides: overrides).Result;
        Assert.Equal(D("2029-09-30"), result.WaitingPeriodUntil); // 6 + 3 months
    }

    // ---- assessment

    [Fact]
    [Trait("clause", "YL 二(四)1")]
    public void Yulin_only_severe_disability_is_eligible_for_benefit()
    {
        var moderate = (AssessmentResult)Evaluate(Yl, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(adl: 50, cognition: 16, perception: 12)), "2027-02-01").Result;
        var severe = (AssessmentResult)Evaluate(Yl, CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(adl: 40, cognition: 16, perception: 12)), "2027-02-01").Result;
        Assert.Equal((2, false), (moderate.Level, moderate.EligibleForBenefit));
        Assert.Equal((3, true), (severe.Level, severe.EligibleForBenefit));
    }

    [Fact]
    [Trait("clause", "YL 二(四)1")]
    public void Yulin_disability_must_have_lasted_six_months()
    {
        var input = new EntitlementInput(null, D("2027-06-01"), D("2027-06-08"), D("2027-06-20"), DisabledSince: D("2027-01-15"));
        Assert.Equal(ErrorCodes.DisabilityNotLasting, Fails(() => Evaluate(Yl, CaseKinds.Entitlement, input, "2027-06-01")).Code);
    }
}
