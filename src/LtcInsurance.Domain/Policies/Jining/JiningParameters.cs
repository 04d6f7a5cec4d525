using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Jining;

/// <summary>
/// Jining resident pilot (2022 为民办实事): resident enrollees of six pilot areas, 30 yuan a year (25
/// from the resident medical pooled fund, 5 from the pilot county fiscal), fixed payment ratios.
/// The notice carries no in-force date (it names only the year 2022, 市政府为民办实事), no benefit-start rule and no
/// qualifying level: those parameters are declared without a value until the tenant sets them.
/// </summary>
public static class JiningParameters
{
    public const string MedicalFundShare = "medicalFundShare";
    public const string FiscalShare = "fiscalShare";

    public static readonly IReadOnlyList<ServiceMode> Modes =
        [ServiceMode.MedicalSpecial, ServiceMode.InstitutionMedical, ServiceMode.HomeMedical];

    /// <summary>Ratio parameter per mode, or per "mode:level" of the designated medical institution.</summary>
    public static readonly IReadOnlyDictionary<string, string> RatioByKey = new Dictionary<string, string>
    {
        ["medical_special:1"] = "fundRatio.medical_special.level1",
        ["medical_special:2"] = "fundRatio.medical_special.level2",
        ["medical_special:3"] = "fundRatio.medical_special.level3",
        ["institution_medical"] = "fundRatio.institution_medical",
        ["home_medical"] = "fundRatio.home_medical",
    };

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.DateUnset(CommonParameters.SchemeStart, "JN 序言、七（列为2022年市政府为民办实事；通知未载施行日期）", "制度施行日期（通知只写明2022年，未载具体日期）"),
        CommonParameters.AreaCodes("JN 一", "370811", "370812", "370881", "370883", "370828", "370830"),
        Fixed(MedicalFundShare, ParameterKind.Amount, "yuan/person/year", "JN 二", "居民基本医疗保险基金筹集", 25m),
        Fixed(FiscalShare, ParameterKind.Amount, "yuan/person/year", "JN 二", "试点县（市、区）财政补助", 5m),
        .. CommonParameters.Assessment("national2021", "JN 三(一)（照护需求等级评估，按国家标准配置）", null, "JN 三(一)（须通过照护需求等级评估，享受待遇的等级未载明）"),
        .. CommonParameters.ClaimProcess("JN 三(二)"),
        .. CommonParameters.Supervision("JN 五"),
        CommonParameters.BenefitStartUnset("JN 三(一)（文件未规定待遇起始日）"),
        CommonParameters.HospitalSuspensionUnset("JN 三(三)（专护期间不重复享受住院待遇；住院期间是否暂停长护待遇文件未规定，由管理员设定）"),
        .. Entitlement.EntitlementParameters.For("JN 三(一)", "JN 三(一)", "JN 三(一)", 1m, "文件写明：长期护理保险资金可支付评估费用（团队解读：由基金支付）"),
        .. CommonParameters.Coverage("JN 三(一)、三(三)", [.. Modes]),
        Fixed("fundRatio.medical_special.level1", ParameterKind.Ratio, "ratio", "JN 三(二)", "医疗专护（一级协议医疗机构）基金支付比例", 0.70m),
        Fixed("fundRatio.medical_special.level2", ParameterKind.Ratio, "ratio", "JN 三(二)", "医疗专护（二级协议医疗机构）基金支付比例", 0.65m),
        Fixed("fundRatio.medical_special.level3", ParameterKind.Ratio, "ratio", "JN 三(二)", "医疗专护（三级协议医疗机构）基金支付比例", 0.60m),
        Fixed("fundRatio.institution_medical", ParameterKind.Ratio, "ratio", "JN 三(二)", "机构医疗护理基金支付比例", 0.65m),
        Fixed("fundRatio.home_medical", ParameterKind.Ratio, "ratio", "JN 三(二)", "居家医疗护理基金支付比例", 0.70m),
        .. Ledger.AgencyFeeCeilingParameters.Definitions(Ledger.AgencyFeeCeilingRule.Jining),
    ];
}
