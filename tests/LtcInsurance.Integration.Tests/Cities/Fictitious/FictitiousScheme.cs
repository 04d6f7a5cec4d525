using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using LtcInsurance.Domain.Vocabulary;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Integration.Tests.Cities.Fictitious;

/// <summary>
/// A made-up scheme for the test city 虚构市 (no document: every clause is "FX …", a test label). Everyone on the register
/// in the area is insured as a resident; 30 yuan a year from the person and 20 from the city fiscal; institution care
/// paid at 70% up to 1,500 yuan a month.
/// </summary>
public sealed class FictitiousScheme(string tenant) : CityScheme
{
    public const string IndividualShare = "individualShare";
    public const string FiscalShare = "fiscalShare";

    private static readonly ServiceMode[] Modes = [ServiceMode.Institution];

    public override string Tenant => tenant;

    public override string Title => "虚构市长期护理保险（测试用，非真实文件）";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        CommonParameters.SchemeStartOn(FictitiousModule.Start, "FX 一（测试）"),
        CommonParameters.AreaCodes("FX 一（测试）", "9901"),
        Fixed(IndividualShare, ParameterKind.Amount, "yuan/person/year", "FX 二（测试）", "个人缴费（测试值）", 30m),
        Fixed(FiscalShare, ParameterKind.Amount, "yuan/person/year", "FX 二（测试）", "财政补助（测试值）", 20m),
        .. CommonParameters.Assessment("barthel", "FX 三（测试）", new List<string> { "severe" }, "FX 三（测试）"),
        CommonParameters.BenefitStart(CommonParameters.StartDayAfterConclusion, "FX 三（测试）", "待遇起始日（测试值）"),
        CommonParameters.HospitalSuspension(true, "FX 四（测试）"),
        .. CommonParameters.Coverage("FX 四（测试）", Modes),
        Fixed(FundRatio(ServiceMode.Institution), ParameterKind.Ratio, "ratio", "FX 四（测试）", "机构护理基金支付比例（测试值）", 0.70m),
        Fixed(MonthlyLimit(ServiceMode.Institution), ParameterKind.Amount, "yuan/month", "FX 四（测试）", "机构护理月限额（测试值）", 1500m),
    ];

    private static string FundRatio(ServiceMode mode) => $"fundRatio.{mode.Code()}";

    private static string MonthlyLimit(ServiceMode mode) => $"monthlyLimit.{mode.Code()}";

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date) =>
        Decide(context, "FX 一（测试）", true, SchemeKinds.Resident, "resident", ("regionCode", input.Person.RegionCode));

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        var (lines, step) = FixedShares.Apply(
            "FX 二（测试）",
            [(Payers.Individual, context.Param(IndividualShare, date)), (Payers.Fiscal, context.Param(FiscalShare, date))]);
        context.Record(step);
        return lines;
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date) =>
        RatioWithLimitPlan(input, context, date, Modes, "FX 四（测试）", "FX 四（测试）", FundRatio, MonthlyLimit);
}
