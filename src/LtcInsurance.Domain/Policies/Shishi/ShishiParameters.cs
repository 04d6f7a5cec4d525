using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Shishi;

/// <summary>
/// Shishi 狮政综〔2020〕50号: three special groups insured, 380 yuan a year (12 individual, paid by
/// the city fiscal, and 368 fiscal). Service items and benefit standards are set by separate rules, so
/// the payment parameters have no value.
/// </summary>
public static class ShishiParameters
{
    public const string IndividualShare = "individualShare";
    public const string FiscalShare = "fiscalShare";
    public const string SpecialGroupSubsidyRatio = "subsidyRatio.special_groups";
    public const string CoveredGroups = "coveredGroups";

    public static readonly IReadOnlyList<ServiceMode> Modes = [ServiceMode.Institution, ServiceMode.Home];

    public static string FundRatio(ServiceMode mode) => $"fundRatio.{mode.Code()}";

    public static string MonthlyLimit(ServiceMode mode) => $"monthlyLimit.{mode.Code()}";

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.SchemeStartOn(new DateOnly(2020, 10, 1), "SS 文末（自2020年10月1日起施行）"),
        CommonParameters.AreaCodes("SS 二(一)", "350581"),
        Fixed(CoveredGroups, ParameterKind.TextList, "status", "SS 二(一)", "参保人群：低保、边缘困难户家庭成员、特困人员（含孤儿）",
            new List<string> { PersonStatus.Dibao, PersonStatus.Bianyuan, PersonStatus.Tekun, PersonStatus.Orphan }),
        Fixed(IndividualShare, ParameterKind.Amount, "yuan/person/year", "SS 二(三)", "个人缴费标准", 12m),
        Fixed(FiscalShare, ParameterKind.Amount, "yuan/person/year", "SS 二(三)", "财政补助标准", 368m),
        Fixed(SpecialGroupSubsidyRatio, ParameterKind.Ratio, "ratio", "SS 二(三)", "特定参保人员个人缴费由市财政全额补助", 1.00m),
        .. CommonParameters.Assessment("barthel", "SS 二(四)", null, "SS 二(二)、二(四)（全部或部分丧失人身功能、长期生活无法自理；巴氏指数享受待遇的等级未载明）"),
        .. CommonParameters.ClaimProcess("SS 二(五)3"),
        .. CommonParameters.Supervision("SS 二(八)、SS 二(九)"),
        CommonParameters.BenefitStartUnset("SS 二(四)（文件未规定待遇起始日）"),
        CommonParameters.HospitalSuspension(true, "SS 二(五)4(3)"),
        .. Entitlement.EntitlementParameters.For("SS 二(四)", "SS 二(四)", "SS 二(四)", 1m, "文件写明：首次和特定的评定费用原则上从长期护理保险资金中列支（其他评定由谁负担未规定，管理员可另设）"),
        .. CommonParameters.Coverage("SS 二(五)4(4)", [.. Modes]),
        .. Modes.SelectMany(mode => new[]
        {
            WithoutValue(FundRatio(mode), ParameterKind.Ratio, "ratio", "SS 二(五)（服务项目和标准另行制定）", $"{mode.ChineseName()} 基金支付比例"),
            WithoutValue(MonthlyLimit(mode), ParameterKind.Amount, "yuan/month", "SS 二(五)（服务项目和标准另行制定）", $"{mode.ChineseName()} 月度支付限额"),
        }),
    ];
}
