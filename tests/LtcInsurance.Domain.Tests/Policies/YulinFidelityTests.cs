using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Yulin;
using static LtcInsurance.Domain.Tests.Policies.Policy;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>
/// Yulin rules where the engine used to read more into the document than it says (issue 10, item 3): the resident
/// scheme is not live, minors follow a guardian, home and community care pay severe disability and 生活照料 only,
/// collection and payment wait for a later notice, and the team's readings are parameters with the reading noted.
/// </summary>
public class YulinFidelityTests
{
    private const string Yl = "yulin";

    // ---- YL 一(二), 二(一): the resident scheme starts later

    public static TheoryData<string, Person, string?, bool?> WouldBeResidents() => new()
    {
        { "resident", Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), null, null },
        { "minor", Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01"), null, true },
        { "minor, guardian not asked while the scheme is not live", Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01"), null, null },
        { "orphan", Person("450902", MedicalInsuranceScheme.None, EmploymentStatus.NotEmployed, "2015-03-01", PersonStatus.Orphan), null, null },
        { "flexible worker choosing the resident policy", Person("450921", MedicalInsuranceScheme.Resident, EmploymentStatus.FlexiblyEmployed), SchemeKinds.Resident, null },
    };

    [Theory]
    [Trait("clause", "YL 一(二)")]
    [Trait("clause", "YL 二(一)")]
    [MemberData(nameof(WouldBeResidents))]
    public void YL_一_二_resident_scheme_is_not_live_until_its_start_is_set(string who, Person person, string? choice, bool? guardian)
    {
        var result = Eligibility(Yl, person, "2027-06-01", choice, guardian);
        Assert.False(result.Eligible, who);
        Assert.Null(result.Scheme);
        Assert.Equal(YulinScheme.ResidentSchemeNotStarted, result.Reason);

        var before = Eligibility(Yl, person, "2027-06-01", choice, guardian, new Dictionary<string, object?> { ["residentSchemeStart"] = D("2028-01-01") });
        Assert.Equal(YulinScheme.ResidentSchemeNotStarted, before.Reason);

        var liveAnswer = () => Eligibility(Yl, person, "2028-02-01", choice, guardian, new Dictionary<string, object?> { ["residentSchemeStart"] = D("2028-01-01") });
        if (who.StartsWith("minor", StringComparison.Ordinal) && guardian is null)
        {
            // once live, a minor's answer depends on the guardian, which must then be given
            Assert.Equal(ErrorCodes.InvalidInput, Fails(() => liveAnswer()).Code);
            return;
        }

        var live = liveAnswer();
        Assert.Equal((true, SchemeKinds.Resident), (live.Eligible, live.Scheme));
    }

    [Fact]
    [Trait("clause", "YL 一(二)")]
    public void YL_一_二_the_resident_start_is_declared_without_a_value_and_employees_are_insured_meanwhile()
    {
        var definition = Assert.Single(PolicyCalculator.DefaultParameters[Yl], d => d.Name == YulinParameters.ResidentSchemeStart);
        Assert.Null(Assert.Single(definition.Values).Value);
        Assert.Contains("YL 一(二)", definition.Clause, StringComparison.Ordinal);

        var employee = Eligibility(Yl, Person("450902", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed), "2027-06-01");
        Assert.Equal((true, SchemeKinds.Employee), (employee.Eligible, employee.Scheme));
    }

    [Fact]
    [Trait("clause", "YL 一(二)")]
    public void YL_一_二_a_resident_owes_no_contribution_while_the_resident_scheme_has_not_started()
    {
        var error = Fails(() => Contribution(Yl, Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed), "2027"));
        Assert.Equal(ErrorCodes.NotInsured, error.Code);
        Assert.Contains(YulinScheme.ResidentSchemeNotStarted, error.Message, StringComparison.Ordinal);
    }

    // ---- YL 二(三)6: minors are deemed insured only through an insured parent or guardian

    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void YL_二_三_6_a_minor_is_deemed_insured_only_when_a_guardian_is_insured()
    {
        var child = Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01");
        var insured = Eligibility(Yl, child, "2027-06-01", guardianInsured: true, parameters: YulinResidentSchemeLive);
        var notInsured = Eligibility(Yl, child, "2027-06-01", guardianInsured: false, parameters: YulinResidentSchemeLive);
        Assert.Equal((true, "minor_deemed_insured"), (insured.Eligible, insured.Reason));
        Assert.Equal((false, "guardian_not_insured"), (notInsured.Eligible, notInsured.Reason));
    }

    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void YL_二_三_6_a_minor_without_the_guardian_answer_is_refused_naming_the_field()
    {
        var child = Person("450902", MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, "2015-03-01");
        var error = Fails(() => Eligibility(Yl, child, "2027-06-01", parameters: YulinResidentSchemeLive));
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Contains("guardianInsured", error.Message, StringComparison.Ordinal);
        Assert.Contains("YL 二(三)6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void YL_二_三_6_the_calculator_reads_guardianInsured_and_refuses_a_non_boolean()
    {
        var json = """
            {"kind": "eligibility", "tenant": "yulin", "asOf": "2027-06-01",
             "input": {"person": {"birthDate": "2015-03-01", "regionCode": "450902", "medicalInsurance": "resident", "employment": "none"},
                       "guardianInsured": true, "parameters": {"residentSchemeStart": "2027-01-01"}}}
            """;
        var output = CaseReaderTests.Run(json);
        Assert.True((bool)output["ok"]!, output.ToJsonString());
        Assert.Equal("minor_deemed_insured", output["result"]!["reason"]!.GetValue<string>());

        var bad = CaseReaderTests.Run(json.Replace("\"guardianInsured\": true", "\"guardianInsured\": \"yes\"", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.InvalidInput, bad["error"]!["code"]!.GetValue<string>());
        Assert.Contains("guardianInsured", bad["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // ---- YL 二(四)1 and 二(四)4(1)(2): home and community care

    [Theory]
    [Trait("clause", "YL 二(四)1")]
    [InlineData(ServiceMode.Home, 2)]
    [InlineData(ServiceMode.Community, 2)]
    [InlineData(ServiceMode.Home, 0)]
    [InlineData(ServiceMode.Community, null)]
    public void YL_二_四_1_home_and_community_care_pay_only_severe_disability(ServiceMode mode, int? level)
    {
        var input = Month("2027-05", mode, [Care("2027-05-03", 100m)], level: level);
        var error = Fails(() => Settle(Yl, input, YulinIncome36000));
        Assert.Equal(ErrorCodes.LevelNotCovered, error.Code);
        Assert.Contains("YL 二(四)1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "YL 二(四)1")]
    [InlineData(ServiceMode.Home, 3)]
    [InlineData(ServiceMode.Community, 5)]
    public void YL_二_四_1_severe_levels_are_paid_at_home_and_in_the_community(ServiceMode mode, int level)
    {
        var result = Settle(Yl, Month("2027-05", mode, [Care("2027-05-03", 100m)], level: level), YulinIncome36000);
        Assert.Equal(70m, result.FundPays);
    }

    [Theory]
    [Trait("clause", "YL 二(四)4(1)")]
    [Trait("clause", "YL 二(四)4(2)")]
    [InlineData(ServiceMode.Home)]
    [InlineData(ServiceMode.Community)]
    public void YL_二_四_4_home_and_community_care_pay_life_care_items_only(ServiceMode mode)
    {
        var input = Month("2027-05", mode, [Care("2027-05-03", 100m), Care("2027-05-04", 80m, LineCategories.MedicalCare)]);
        var result = Settle(Yl, input, YulinIncome36000);
        Assert.Equal([null, RejectionReasons.NotCoveredCategory], result.Lines.Select(l => l.Rejected));
        Assert.Equal(70m, result.FundPays);

        var definition = Assert.Single(PolicyCalculator.DefaultParameters[Yl], d => d.Name == CommonParameters.CoveredCategories(mode));
        Assert.Contains("生活照料服务项目费用", Assert.Single(definition.Values).Note, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "YL 二(四)2(3)")]
    public void YL_二_四_2_institution_care_pays_medical_care_too()
    {
        var input = Month("2027-05", ServiceMode.Institution, [Care("2027-05-03", 30m, LineCategories.MedicalCare)], level: 5);
        Assert.Equal(30m, Settle(Yl, input, YulinIncome36000).FundPays);
    }

    [Fact]
    [Trait("clause", "YL 二(四)4(1)")]
    public void YL_二_四_4_covered_categories_are_a_dated_parameter_a_tenant_can_change()
    {
        var overrides = new ParameterOverrides().Set(Yl, "coveredCategories.home", D("2028-01-01"), new List<string> { LineCategories.Care, LineCategories.MedicalCare });
        var lines = new[] { Care("2028-05-03", 100m), Care("2028-05-04", 100m, LineCategories.MedicalCare) };
        var result = Settle(Yl, Month("2028-05", ServiceMode.Home, lines), YulinIncome36000, overrides);
        Assert.Equal(140m, result.FundPays);
    }

    // ---- YL 五: collection and payment dates 另行下文通知

    [Fact]
    [Trait("clause", "YL 五")]
    public void YL_五_contributions_wait_for_the_collection_start()
    {
        var employee = Person("450922", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        var error = Fails(() => Contribution(Yl, employee, "2027-03", wage: 6000m, parameters: new Dictionary<string, object?> { ["collectionStart"] = null }));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("collectionStart", error.Message, StringComparison.Ordinal);

        var early = Fails(() => Contribution(Yl, employee, "2027-03", wage: 6000m, parameters: new Dictionary<string, object?> { ["collectionStart"] = D("2027-07-01") }));
        Assert.Equal(ErrorCodes.BeforeCollectionStart, early.Code);
    }

    [Fact]
    [Trait("clause", "YL 五")]
    public void YL_五_settlement_and_benefit_start_wait_for_the_payment_start()
    {
        var unset = new Dictionary<string, object?>(YulinIncome36000) { ["benefitPaymentStart"] = null };
        var error = Fails(() => Settle(Yl, Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 100m)]), unset));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("benefitPaymentStart", error.Message, StringComparison.Ordinal);

        var later = new Dictionary<string, object?>(YulinIncome36000) { ["benefitPaymentStart"] = D("2027-07-01") };
        Assert.Equal(ErrorCodes.BeforePaymentStart, Fails(() => Settle(Yl, Month("2027-05", ServiceMode.Home, [Care("2027-05-03", 100m)]), later)).Code);

        var entitlement = new EntitlementInput(null, D("2027-03-01"), D("2027-03-08"), D("2027-03-10"));
        var result = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, entitlement, "2027-03-01", new Dictionary<string, object?> { ["benefitPaymentStart"] = D("2027-07-01") }).Result;
        Assert.Equal(D("2027-07-01"), result.EntitledFrom);
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Evaluate(Yl, CaseKinds.Entitlement, entitlement, "2027-03-01", new Dictionary<string, object?> { ["benefitPaymentStart"] = null })).Code);
    }

    [Fact]
    [Trait("clause", "YL 五")]
    public void YL_五_collection_and_payment_dates_ship_without_a_value()
    {
        foreach (var name in new[] { CommonParameters.CollectionStart, CommonParameters.BenefitPaymentStart })
        {
            var definition = Assert.Single(PolicyCalculator.DefaultParameters[Yl], d => d.Name == name);
            Assert.Null(Assert.Single(definition.Values).Value);
            Assert.Equal("YL 五", definition.Clause);
        }
    }

    // ---- readings the team chose: parameters with the reading noted

    [Theory]
    [Trait("clause", "YL 二(三)5")]
    [Trait("clause", "YL 二(四)5（激励约束）")]
    [InlineData(YulinParameters.SubsidyScope, YulinParameters.SubsidyAnyIndividualShare)]
    [InlineData(YulinParameters.NewbornRule, YulinParameters.NewbornDeclared)]
    [InlineData(YulinParameters.GapYearCounting, YulinParameters.GapEveryStartedYear)]
    public void Readings_ship_the_teams_choice_with_the_reading_noted(string name, string shipped)
    {
        var definition = Assert.Single(PolicyCalculator.DefaultParameters[Yl], d => d.Name == name);
        var value = Assert.Single(definition.Values);
        Assert.Equal(shipped, value.Value);
        Assert.StartsWith("团队解读", value.Note, StringComparison.Ordinal);
        Assert.Contains(shipped, YulinParameters.Choices[name]);
        Assert.Equal(YulinParameters.Choices[name], CommonParameters.AllowedCodes(name));
    }

    [Fact]
    [Trait("clause", "YL 二(三)5")]
    public void YL_二_三_5_subsidy_scope_reading_decides_whether_an_employees_share_is_subsidised()
    {
        var dibaoEmployee = Person("450922", MedicalInsuranceScheme.Employee, EmploymentStatus.Employed, statuses: PersonStatus.Dibao);
        var asShipped = Contribution(Yl, dibaoEmployee, "2027-03", wage: 6000m);
        Assert.Equal(5.40m, asShipped.Line(Payers.FiscalSubsidy)); // 60% of 9.00
        Assert.Equal(3.60m, asShipped.IndividualDue);

        var residentOnly = Contribution(Yl, dibaoEmployee, "2027-03", wage: 6000m,
            parameters: new Dictionary<string, object?> { [YulinParameters.SubsidyScope] = YulinParameters.SubsidyResidentStandardOnly });
        Assert.Equal(0m, residentOnly.Line(Payers.FiscalSubsidy));
        Assert.Equal(9.00m, residentOnly.IndividualDue);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5（激励约束）")]
    public void YL_二_四_5_a_gap_under_a_year_extends_the_wait_only_under_the_started_year_reading()
    {
        var input = new EntitlementInput(new Enrolment(D("2029-01-01"), [new EnrolmentGap(D("2028-03-01"), D("2028-08-31"))], false), D("2029-02-01"), D("2029-02-08"), D("2029-02-10"));
        var shipped = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2029-02-01",
            new Dictionary<string, object?> { ["waitingPeriodExtraMonthsPerGapYear"] = 3m }).Result;
        Assert.Equal(D("2029-09-30"), shipped.WaitingPeriodUntil); // 6 + 3 months: the half-year gap counts as a year

        var wholeYears = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2029-02-01",
            new Dictionary<string, object?> { [YulinParameters.GapYearCounting] = YulinParameters.GapWholeYearsOnly }).Result;
        Assert.Equal(D("2029-06-30"), wholeYears.WaitingPeriodUntil); // 6 months, and the unset extra figure is not needed
    }

    [Fact]
    [Trait("clause", "YL 二(四)5（激励约束）")]
    public void YL_二_四_5_who_counts_as_a_newborn_is_a_reading_the_tenant_can_change()
    {
        var enrolment = new Enrolment(D("2027-08-15"), [], Newborn: false, BirthDate: D("2027-07-01"));
        var input = new EntitlementInput(enrolment, D("2027-09-01"), D("2027-09-08"), D("2027-09-10"));

        var declared = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-09-01").Result;
        Assert.Equal(D("2028-02-14"), declared.WaitingPeriodUntil); // not marked as a newborn: waits

        var byAge = new Dictionary<string, object?> { [YulinParameters.NewbornRule] = YulinParameters.NewbornEnrolledWithinMonths };
        var missing = Fails(() => Evaluate(Yl, CaseKinds.Entitlement, input, "2027-09-01", byAge));
        Assert.Contains(YulinParameters.NewbornEnrolmentMonths, missing.Message, StringComparison.Ordinal);

        byAge[YulinParameters.NewbornEnrolmentMonths] = 3m;
        var newborn = (EntitlementResult)Evaluate(Yl, CaseKinds.Entitlement, input, "2027-09-01", byAge).Result;
        Assert.Null(newborn.WaitingPeriodUntil);
    }
}
