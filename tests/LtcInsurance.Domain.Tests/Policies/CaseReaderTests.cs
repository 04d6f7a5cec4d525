using System.Text.Json.Nodes;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>
/// The calculator contract refuses bad input with a message naming the field (and, for an enumerated field, the
/// allowed values): nothing is mapped to another value, nothing is dropped silently (issue 10, item 3).
/// </summary>
public class CaseReaderTests
{
    internal static JsonObject Run(string json) =>
        CaseWriter.EvaluateAll([JsonNode.Parse(json)], new PolicyCalculator(), new DateOnly(2027, 6, 1))[0]!.AsObject();

    private static string Fill(string template, params (string Name, string Value)[] values) =>
        values.Aggregate(template, (text, v) => text.Replace("@" + v.Name + "@", v.Value, StringComparison.Ordinal));

    private static (string Code, string Message) Error(string json)
    {
        var output = Run(json);
        Assert.False((bool)output["ok"]!, output.ToJsonString());
        return (output["error"]!["code"]!.GetValue<string>(), output["error"]!["message"]!.GetValue<string>());
    }

    private static string Eligibility(string employment, string medical = "employee") => Fill("""
        {"kind": "eligibility", "tenant": "yulin", "asOf": "2027-06-01",
         "input": {"person": {"birthDate": "1970-01-01", "regionCode": "450902", "medicalInsurance": "@medical@", "employment": "@employment@"}}}
        """, ("medical", medical), ("employment", employment));

    private static string Settlement(string line, string level = "3", string extra = "") => Fill("""
        {"kind": "settlement", "tenant": "yulin", "asOf": "2027-05-01",
         "input": {"month": "2027-05", "beneficiary": {"level": @level@, "entitledFrom": "2027-03-01", "yearToDateFundPaid": 0},
                   "serviceMode": "institution", "lines": [@line@] @extra@,
                   "parameters": {"previousYearDisposableIncomePerCapita": 36000, "benefitPaymentStart": "2027-01-01"}}}
        """, ("level", level), ("line", line), ("extra", extra));

    [Theory]
    [Trait("clause", "calc contract: enumerated fields")]
    [InlineData("employe", "employment")]
    [InlineData("retire", "employment")]
    public void An_unknown_employment_code_names_the_field_and_the_allowed_codes(string code, string field)
    {
        var (errorCode, message) = Error(Eligibility(code));
        Assert.Equal(ErrorCodes.InvalidInput, errorCode);
        Assert.Contains(field, message, StringComparison.Ordinal);
        Assert.Contains(code, message, StringComparison.Ordinal);
        Assert.Contains("employed", message, StringComparison.Ordinal);
        Assert.Contains("retired", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: enumerated fields")]
    public void An_unknown_medical_insurance_code_is_an_error_not_none()
    {
        var (code, message) = Error(Eligibility("employed", "Employee"));
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("medicalInsurance", message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "calc contract: enumerated fields")]
    [InlineData("Care")]
    [InlineData("massage")]
    public void An_unknown_line_category_names_the_field_and_the_allowed_categories(string category)
    {
        var (code, message) = Error(Settlement(Fill("""{"date": "2027-05-03", "category": "@category@", "amount": 30}""", ("category", category))));
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("lines[0].category", message, StringComparison.Ordinal);
        Assert.Contains(category, message, StringComparison.Ordinal);
        Assert.Contains(string.Join("、", LineCategories.All), message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "calc contract: amounts")]
    [InlineData("30.125", "超过两位小数")]
    [InlineData("-5", "不能为负数")]
    public void A_line_amount_with_more_than_two_decimals_or_below_zero_is_an_error(string amount, string why)
    {
        var (code, message) = Error(Settlement(Fill("""{"date": "2027-05-03", "category": "care", "amount": @amount@}""", ("amount", amount))));
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("lines[0].amount", message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "calc contract: amounts")]
    [InlineData("monthlyWage", "6000.001")]
    [InlineData("monthlyWage", "-1")]
    [InlineData("monthlyPension", "-0.01")]
    public void Contribution_bases_are_amounts_too(string field, string value)
    {
        var json = Fill("""
            {"kind": "contribution", "tenant": "yulin", "input": {"person": {"birthDate": "1970-01-01", "regionCode": "450902",
             "medicalInsurance": "employee", "employment": "employed"}, "period": "2027-03", "@field@": @value@,
             "parameters": {"collectionStart": "2027-01-01"}}}
            """, ("field", field), ("value", value));
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains(field, message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: amounts")]
    public void A_year_to_date_payment_with_fractions_of_a_fen_is_an_error()
    {
        var json = Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""").Replace("\"yearToDateFundPaid\": 0", "\"yearToDateFundPaid\": 10.005", StringComparison.Ordinal);
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("yearToDateFundPaid", message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "calc contract: dates")]
    [InlineData("2027-06-01")]
    [InlineData("2027-04-30")]
    public void A_line_dated_outside_the_month_is_an_error(string date)
    {
        var (code, message) = Error(Settlement(Fill("""{"date": "@date@", "category": "care", "amount": 30}""", ("date", date))));
        Assert.Equal(ErrorCodes.LineOutsideMonth, code);
        Assert.Contains("lines[0].date", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: dates")]
    public void A_day_that_does_not_exist_is_an_error()
    {
        var (code, message) = Error(Settlement("""{"date": "2027-05-32", "category": "care", "amount": 30}"""));
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("2027-05-32", message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "calc contract: levels")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("3.5")]
    public void A_level_outside_0_to_5_is_an_error(string level)
    {
        var (code, message) = Error(Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""", level));
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("level", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: levels")]
    public void A_provider_level_outside_1_to_3_is_an_error()
    {
        var json = Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""", extra: """, "provider": {"medicalInstitutionLevel": 4}""");
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("medicalInstitutionLevel", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: parameters")]
    public void A_parameter_no_city_declares_is_an_error_not_ignored()
    {
        var json = Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""")
            .Replace("\"benefitPaymentStart\"", "\"benefitPaymentStrat\"", StringComparison.Ordinal);
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("benefitPaymentStrat", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: parameters")]
    public void Another_citys_parameter_does_not_apply_and_is_left_out()
    {
        var json = Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""")
            .Replace("\"parameters\": {", "\"parameters\": {\"perDiem.home\": 99, ", StringComparison.Ordinal);
        var output = Run(json);
        Assert.True((bool)output["ok"]!, output.ToJsonString());
        Assert.DoesNotContain(output["parametersUsed"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "perDiem.home");
    }

    [Theory]
    [Trait("clause", "calc contract: parameters")]
    [InlineData("\"coveredCategories.institution\": [\"care\", \"massage\"]", "massage")]
    [InlineData("\"benefitStartRule\": \"next_day\"", "next_day")]
    [InlineData("\"perDiem.institution.level3\": 35.001", "perDiem.institution.level3")]
    [InlineData("\"annualCeilingRatio\": -0.5", "annualCeilingRatio")]
    public void A_case_parameter_value_outside_its_codes_or_a_bad_amount_is_an_error(string parameter, string named)
    {
        var json = Settlement("""{"date": "2027-05-03", "category": "care", "amount": 30}""")
            .Replace("\"parameters\": {", "\"parameters\": {" + parameter + ", ", StringComparison.Ordinal);
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "calc contract: enumerated fields")]
    public void Newborn_must_be_a_boolean()
    {
        var json = """
            {"kind": "entitlement", "tenant": "yulin", "input": {"enrolment": {"since": "2027-03-01", "newborn": "yes"},
             "conclusionDate": "2027-06-01", "publicityEnds": "2027-06-08", "serviceStart": "2027-06-10",
             "parameters": {"benefitPaymentStart": "2027-01-01"}}}
            """;
        var (code, message) = Error(json);
        Assert.Equal(ErrorCodes.InvalidInput, code);
        Assert.Contains("newborn", message, StringComparison.Ordinal);
    }
}
