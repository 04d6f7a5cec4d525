using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Yuzhong;

/// <summary>
/// Yuzhong district pilot (2021-12-23): employee enrollees, Chongqing municipal funding and benefit
/// policy. The district plan carries neither the contribution figures nor the per-day benefit, so
/// those parameters are declared without a value.
/// </summary>
public static class YuzhongParameters
{
    public const string IndividualShare = "individualShare";
    public const string EmployerShare = "employerShare";
    public const string FiscalShare = "fiscalShare";

    public static readonly IReadOnlyList<ServiceMode> Modes = [ServiceMode.Institution, ServiceMode.Home];

    public static string PerDiem(ServiceMode mode) => $"perDiem.{mode.Code()}";

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.SchemeStartOn(new DateOnly(2022, 1, 1), "YZ 五(二)（2022年1月起启动实施）"),
        CommonParameters.AreaCodes("YZ 三", "500103"),
        WithoutValue(IndividualShare, ParameterKind.Amount, "yuan/person/year", "YZ 二、三（执行全市统一筹资政策）", "个人缴费"),
        WithoutValue(EmployerShare, ParameterKind.Amount, "yuan/person/year", "YZ 二、三（执行全市统一筹资政策）", "用人单位缴费"),
        WithoutValue(FiscalShare, ParameterKind.Amount, "yuan/person/year", "YZ 二、三（执行全市统一筹资政策）", "财政补助"),
        .. CommonParameters.Assessment("national2021", "YZ 四(二)（渝医保办〔2021〕52号，按国家标准配置）", null, "YZ 三、四(二)（重点解决重度失能人员；享受待遇的等级执行全市统一政策，本方案未载明）"),
        .. CommonParameters.ClaimProcess("YZ 四(四)"),
        .. CommonParameters.Supervision("YZ 四(六)"),
        CommonParameters.BenefitStartUnset("YZ 四(二)（文件未规定待遇起始日）"),
        CommonParameters.HospitalSuspensionUnset("YZ 四(四)（文件未规定住院期间是否暂停待遇，由管理员设定）"),
        .. Entitlement.EntitlementParameters.For("YZ 四(二)", "YZ 四(二)", "YZ 四(二)", 1m, "文件写明：失能评估费用试点阶段暂从长护险基金中列支，参保人不缴纳失能评估费"),
        .. CommonParameters.Coverage("YZ 三、四(四)", [.. Modes]),
        .. Modes.Select(mode => WithoutValue(PerDiem(mode), ParameterKind.Amount, "yuan/day", "YZ 四(四)（按日计算，标准执行全市统一政策）", $"{mode.ChineseName()} 每日护理待遇标准")),
    ];
}
