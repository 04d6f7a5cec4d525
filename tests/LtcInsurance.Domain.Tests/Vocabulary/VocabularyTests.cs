using System.Text.Json.Nodes;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests.Vocabulary;

/// <summary>One type per concept, with code, Chinese name and clause, that the engine, the register, the ledger and the files share.</summary>
public class VocabularyTests
{
    [Fact]
    public void Every_enum_value_has_exactly_one_term_with_a_code_a_chinese_name_and_a_clause()
    {
        AssertComplete(ServiceModes.Terms);
        AssertComplete(MedicalInsuranceSchemes.Terms);
        AssertComplete(EmploymentStatuses.Terms);
        AssertFilled(PersonStatus.Terms);
        AssertFilled(SchemeKinds.Terms);
    }

    [Fact]
    public void The_calculator_codes_stay_the_documented_ones()
    {
        Assert.Equal(["home", "community", "institution", "medical_special", "institution_medical", "home_medical", "individual_care_worker", "home_family"], ServiceModes.Terms.Codes);
        Assert.Equal(["employee", "resident", "none"], MedicalInsuranceSchemes.Terms.Codes);
        Assert.Equal(["employed", "retired", "flexible", "unemployed_benefit", "none"], EmploymentStatuses.Terms.Codes);
        Assert.Equal(["employee", "resident", "special_groups"], SchemeKinds.Terms.Codes);
    }

    [Fact]
    public void The_register_can_record_every_employment_the_engine_knows_including_unemployed_on_benefit()
    {
        Assert.Equal(EmploymentStatus.UnemployedBenefit, EmploymentStatuses.Terms.Parse("unemployed_benefit", "employment"));
        Assert.Equal(MedicalInsuranceScheme.None, MedicalInsuranceSchemes.Terms.Parse("none", "medicalInsurance"));
    }

    [Fact]
    public void An_unknown_code_is_invalid_input_naming_the_field_and_the_allowed_codes()
    {
        var error = Assert.Throws<PolicyException>(() => ServiceModes.Terms.Parse("home_visit", "serviceMode"));
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Contains("serviceMode", error.Message, StringComparison.Ordinal);
        Assert.Contains("home_visit", error.Message, StringComparison.Ordinal);
        Assert.Contains("home、community、institution", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("medicalInsurance", "nonghe")]
    [InlineData("employment", "unemployed")]
    [InlineData("statuses", "poor")]
    public void The_case_reader_refuses_unknown_person_codes_instead_of_mapping_them(string field, string code)
    {
        var person = new JsonObject
        {
            ["birthDate"] = "1960-01-01",
            ["regionCode"] = "450902",
            ["medicalInsurance"] = "employee",
            ["employment"] = "employed",
            ["statuses"] = new JsonArray(),
        };
        person[field] = field == "statuses" ? new JsonArray(code) : code;
        var json = new JsonObject { ["kind"] = "eligibility", ["tenant"] = "yulin", ["asOf"] = "2027-03-01", ["input"] = new JsonObject { ["person"] = person } };

        var error = Assert.Throws<PolicyException>(() => new CaseReader(new PolicyCalculator(), new DateOnly(2027, 3, 1)).Read(json));

        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_reader_refuses_an_unknown_service_mode_and_an_unknown_scheme_choice()
    {
        var reader = new CaseReader(new PolicyCalculator(), new DateOnly(2027, 3, 1));
        var settlement = JsonNode.Parse("""
            { "kind": "settlement", "tenant": "yulin",
              "input": { "month": "2027-03", "beneficiary": { "level": 4, "entitledFrom": "2027-03-01" }, "serviceMode": "home_visit", "lines": [] } }
            """)!.AsObject();
        var choice = JsonNode.Parse("""
            { "kind": "eligibility", "tenant": "yulin",
              "input": { "person": { "birthDate": "1980-01-01", "regionCode": "450902", "employment": "flexible" }, "flexibleChoice": "both" } }
            """)!.AsObject();

        Assert.Contains("serviceMode", Assert.Throws<PolicyException>(() => reader.Read(settlement)).Message, StringComparison.Ordinal);
        Assert.Contains("flexibleChoice", Assert.Throws<PolicyException>(() => reader.Read(choice)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Benefit_expense_accounts_are_named_and_numbered_by_the_one_service_mode_type()
    {
        var chart = StandardChart.For("yulin");
        Assert.Equal("5101.01", StandardChart.BenefitExpense(ServiceMode.Home));
        Assert.Equal("5101.07", StandardChart.BenefitExpense(ServiceMode.IndividualCareWorker));
        Assert.Equal("待遇支出—医疗专护", chart.Single(a => a.Code == StandardChart.BenefitExpense(ServiceMode.MedicalSpecial)).Name);
    }

    [Fact]
    public void Register_files_may_use_the_code_the_chinese_name_or_the_usual_short_form()
    {
        var validator = new RegisterRowValidator(["450902"]);
        var row = validator.Check(Row(2, medical: "职工医保", employment: "领取失业金", statuses: "低保；work_injury_care_allowance、特困人员"));

        Assert.Empty(row.Problems);
        Assert.Equal(MedicalInsuranceScheme.Employee, row.MedicalInsurance);
        Assert.Equal(EmploymentStatus.UnemployedBenefit, row.Employment);
        Assert.Equal([PersonStatus.Dibao, PersonStatus.WorkInjuryCareAllowance, PersonStatus.Tekun], row.Statuses);
    }

    [Fact]
    public void A_register_word_outside_the_vocabulary_is_a_problem_listing_the_allowed_words()
    {
        var row = new RegisterRowValidator(["450902"]).Check(Row(2, medical: "农合", employment: "待业", statuses: "贫困"));

        Assert.Equal(
            [
                (RegisterColumns.MedicalInsurance, "医保类型「农合」无效，应为职工、居民或无"),
                (RegisterColumns.Employment, "就业状态「待业」无效，应为在职、退休、灵活就业、领取失业金或无"),
                (RegisterColumns.Statuses, "人员类别「贫困」无效，应为低保、边缘困难户、特困、孤儿、防返贫、医疗救助对象或享受工伤生活护理费人员"),
            ],
            row.Problems.Select(p => (p.Column, p.Message)));
    }

    private static RegisterRowInput Row(int number, string medical, string employment, string statuses) =>
        new(number, new Dictionary<string, string?>
        {
            [RegisterColumns.IdNumber] = "11010519491231002X",
            [RegisterColumns.Name] = "孔一",
            [RegisterColumns.Region] = "450902",
            [RegisterColumns.MedicalInsurance] = medical,
            [RegisterColumns.Employment] = employment,
            [RegisterColumns.Statuses] = statuses,
        });

    private static void AssertComplete<T>(CodeList<T> terms)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Order(), terms.Terms.Select(t => t.Value).Order());
        AssertFilled(terms);
    }

    private static void AssertFilled<T>(CodeList<T> terms)
        where T : notnull
    {
        Assert.All(terms.Terms, t =>
        {
            Assert.Matches("^[a-z_]+$", t.Code);
            Assert.False(string.IsNullOrWhiteSpace(t.ChineseName));
            Assert.False(string.IsNullOrWhiteSpace(t.Clause));
        });
        Assert.Equal(terms.Terms.Count, terms.Codes.Distinct().Count());
    }
}
