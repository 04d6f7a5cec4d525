using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Tests.Policies.Policy;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>
/// The instrument a tenant configures is the only one it accepts (ZJ 二(四): 统一到国家长护险失能等级评估标准).
/// </summary>
public class InstrumentEnforcementTests
{
    private static readonly Dictionary<string, int> Barthel40 = new()
    {
        ["feeding"] = 5, ["bathing"] = 0, ["grooming"] = 0, ["dressing"] = 5, ["bowels"] = 5,
        ["bladder"] = 5, ["toilet"] = 5, ["transfer"] = 10, ["mobility"] = 5, ["stairs"] = 0,
    };

    [Fact]
    [Trait("clause", "ZJ 二(四)")]
    public void ZJ_二_四_an_assessment_with_another_instrument_is_refused()
    {
        var error = Fails(() => Evaluate("zhenjiang", CaseKinds.Assessment, new AssessmentInput("barthel", Barthel40), "2024-03-01"));
        Assert.Equal(ErrorCodes.InstrumentNotAllowed, error.Code);
        Assert.Contains("national2021", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZJ 二(四)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "ZJ 二(四)")]
    public void ZJ_二_四_the_national_standard_is_accepted_and_recorded_in_the_trace()
    {
        var evaluation = Evaluate("zhenjiang", CaseKinds.Assessment, new AssessmentInput("national2021", National2021Items.With(adl: 40, cognition: 16, perception: 12)), "2024-03-01");
        var result = (AssessmentResult)evaluation.Result;
        Assert.Equal((3, true), (result.Level, result.EligibleForBenefit));
        var step = Assert.Single(evaluation.Trace, s => s.Rule == RuleNames.AssessmentInstrument);
        Assert.StartsWith("ZJ 二(四)", step.Clause, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "SS 二(四)")]
    [Trait("clause", "YL 三(一)")]
    [InlineData("shishi", "national2021", "2021-01-01")]
    [InlineData("yulin", "barthel", "2027-02-01")]
    [InlineData("jining", "barthel", "2022-06-01")]
    [InlineData("yuzhong", "barthel", "2022-06-01")]
    public void Every_tenant_enforces_its_configured_instrument(string tenant, string other, string asOf)
    {
        var items = other == "barthel" ? Barthel40 : National2021Items.With(adl: 40, cognition: 16, perception: 12);
        Assert.Equal(ErrorCodes.InstrumentNotAllowed, Fails(() => Evaluate(tenant, CaseKinds.Assessment, new AssessmentInput(other, items), asOf)).Code);
    }

    [Fact]
    [Trait("clause", "SS 二(四)（尽快实现评估标准本地化改造）")]
    public void A_tenant_that_changes_its_instrument_gets_the_new_one_enforced()
    {
        var overrides = new ParameterOverrides()
            .Set("shishi", CommonParameters.AssessmentInstrument, D("2023-01-01"), "national2021")
            .Set("shishi", CommonParameters.National2021MinimumLevel, D("2023-01-01"), 3m);
        var national = National2021Items.With(adl: 40, cognition: 16, perception: 12);
        var result = (AssessmentResult)Evaluate("shishi", CaseKinds.Assessment, new AssessmentInput("national2021", national), "2023-06-01", overrides: overrides).Result;
        Assert.True(result.EligibleForBenefit);
        Assert.Equal(ErrorCodes.InstrumentNotAllowed,
            Fails(() => Evaluate("shishi", CaseKinds.Assessment, new AssessmentInput("barthel", Barthel40), "2023-06-01", overrides: overrides)).Code);
    }

    [Fact]
    [Trait("clause", "calc contract: instrument")]
    public void An_unknown_instrument_is_still_unknown_instrument()
    {
        Assert.Equal(ErrorCodes.UnknownInstrument, Fails(() => Evaluate("zhenjiang", CaseKinds.Assessment, new AssessmentInput("katz", Barthel40), "2024-03-01")).Code);
    }
}
