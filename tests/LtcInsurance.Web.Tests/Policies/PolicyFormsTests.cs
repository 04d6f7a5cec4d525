using System.Text.Json.Nodes;
using LtcInsurance.Web.Policies;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>
/// The calculator form sends what the JSON says: case parameters, the guardian answer, unknown categories and
/// unreadable scores go to the engine as written (which refuses them), never dropped or replaced (issue 10, item 3).
/// </summary>
public sealed class PolicyFormsTests
{
    [Fact]
    [Trait("clause", "YL 二(三)6")]
    public void Eligibility_form_keeps_the_guardian_answer_and_the_case_parameters()
    {
        var input = PolicyForms.Parse("""
            {"person": {"birthDate": "2015-03-01", "regionCode": "450902", "medicalInsurance": "resident", "employment": "none", "statuses": []},
             "guardianInsured": false, "parameters": {"residentSchemeStart": "2027-01-01"}}
            """);
        var json = EligibilityModel.From(input).ToJson();
        Assert.False(json["guardianInsured"]!.GetValue<bool>());
        Assert.Equal("2027-01-01", json["parameters"]!["residentSchemeStart"]!.GetValue<string>());

        var none = EligibilityModel.From(PolicyForms.Parse("""{"person": {"birthDate": "2015-03-01", "regionCode": "450902"}}""")).ToJson();
        Assert.Null(none["guardianInsured"]);
    }

    [Fact]
    [Trait("clause", "calc contract: parameters")]
    public void Settlement_form_keeps_every_case_parameter_not_only_the_income()
    {
        var input = PolicyForms.Parse("""
            {"month": "2027-05", "beneficiary": {"level": 4, "entitledFrom": "2027-03-01"}, "serviceMode": "home",
             "lines": [{"date": "2027-05-03", "category": "massage", "amount": 10}],
             "parameters": {"previousYearDisposableIncomePerCapita": 36000, "benefitPaymentStart": "2027-01-01"}}
            """);
        var json = SettlementModel.From(input).ToJson();
        Assert.Equal(36000m, json["parameters"]!["previousYearDisposableIncomePerCapita"]!.GetValue<decimal>());
        Assert.Equal("2027-01-01", json["parameters"]!["benefitPaymentStart"]!.GetValue<string>());
        Assert.Equal("massage", json["lines"]![0]!["category"]!.GetValue<string>());
    }

    [Fact]
    [Trait("clause", "calc contract: enumerated fields")]
    public void A_line_without_a_category_is_not_turned_into_care()
    {
        var input = PolicyForms.Parse("""{"month": "2027-05", "lines": [{"date": "2027-05-03", "amount": 10}]}""");
        Assert.Equal("", SettlementModel.From(input).Lines[0].Category);
    }

    [Fact]
    [Trait("clause", "calc contract: assessment")]
    public void Assessment_form_sends_a_fractional_score_back_for_the_engine_to_refuse()
    {
        var input = PolicyForms.Parse("""{"instrument": "barthel", "items": {"feeding": 5, "bathing": 2.5}}""");
        var json = AssessmentModel.From(input).ToJson();
        Assert.Equal(5, json["items"]!["feeding"]!.GetValue<int>());
        Assert.Equal(2.5m, json["items"]!["bathing"]!.GetValue<decimal>());
    }

    [Theory]
    [Trait("clause", "calc contract: parameters")]
    [InlineData("""{"period": "2027-03", "parameters": {"collectionStart": "2027-01-01"}}""", "contribution")]
    [InlineData("""{"conclusionDate": "2027-03-01", "parameters": {"benefitPaymentStart": "2027-01-01"}}""", "entitlement")]
    public void Contribution_and_entitlement_forms_keep_case_parameters(string text, string kind)
    {
        var input = PolicyForms.Parse(text);
        JsonObject json = kind == "contribution" ? ContributionModel.From(input).ToJson() : EntitlementModel.From(input).ToJson();
        Assert.NotNull(json["parameters"]);
        Assert.Single(json["parameters"]!.AsObject());
    }
}
