using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Zhenjiang;

/// <summary>
/// Zhenjiang 镇政办发〔2023〕18号. The document fixes who is insured and how, but leaves the
/// contribution standard, its shares and the payment levels to the implementation rules (实施细则):
/// those parameters are declared without a value.
/// </summary>
public static class ZhenjiangParameters
{
    public const string ResidentAreaCodes = "residentAreaCodes";
    public const string EmployeeIndividualShare = "employeeIndividualShare";
    public const string EmployeeMedicalFundShare = "employeeMedicalFundShare";
    public const string ResidentIndividualShare = "residentIndividualShare";
    public const string ResidentMedicalFundShare = "residentMedicalFundShare";
    public const string ResidentFiscalShare = "residentFiscalShare";
    public const string MedicalAssistanceSubsidyRatio = "subsidyRatio.medical_assistance";

    public static readonly IReadOnlyList<ServiceMode> Modes =
        [ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution, ServiceMode.HomeFamily];

    public static string FundRatio(ServiceMode mode) => $"fundRatio.{mode.Code()}";

    public static string MonthlyLimit(ServiceMode mode) => $"monthlyLimit.{mode.Code()}";

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.SchemeStartOn(new DateOnly(2023, 10, 1), "ZJ 文末（自2023年10月1日起施行）"),
        CommonParameters.AreaCodes("ZJ 二(一)", "3211"),
        Fixed(ResidentAreaCodes, ParameterKind.TextList, "GB/T 2260 code prefix", "ZJ 二(一)", "居民医保参保人员纳入长护险的地区（扬中市）", new List<string> { "321182" }),
        WithoutValue(EmployeeIndividualShare, ParameterKind.Amount, "yuan/person/year", "ZJ 二(三)", "职工个人缴费（从职工医保个人账户一次性代扣）"),
        WithoutValue(EmployeeMedicalFundShare, ParameterKind.Amount, "yuan/person/year", "ZJ 二(三)", "职工医保统筹基金划转"),
        WithoutValue(ResidentIndividualShare, ParameterKind.Amount, "yuan/person/year", "ZJ 二(三)", "居民个人缴费（随居民医保费征收）"),
        WithoutValue(ResidentMedicalFundShare, ParameterKind.Amount, "yuan/person/year", "ZJ 二(三)", "居民医保统筹基金划转"),
        WithoutValue(ResidentFiscalShare, ParameterKind.Amount, "yuan/person/year", "ZJ 二(三)", "居民长护险财政补助"),
        Fixed(MedicalAssistanceSubsidyRatio, ParameterKind.Ratio, "ratio", "ZJ 二(三)", "医疗救助对象居民个人缴费由财政全额资助", 1.00m),
        .. CommonParameters.Assessment("national2021", "ZJ 二(四)（失能等级评估统一到国家长护险失能等级评估标准）", 3m, "ZJ 二(二)、二(五)1（重点解决重度失能人员基本护理保障需求，中度失能逐步纳入）"),
        .. CommonParameters.ClaimProcess("ZJ 二(六)"),
        .. CommonParameters.Supervision("ZJ 三(四)"),
        CommonParameters.LastingDisability("ZJ 二(五)1"),
        CommonParameters.BenefitStart(CommonParameters.StartDayAfterConclusion, "ZJ 二(五)1", "自评估结论作出次日起享受待遇"),
        CommonParameters.HospitalSuspensionUnset("ZJ 二(五)4（文件未规定住院期间是否暂停待遇，由管理员设定）"),
        .. Entitlement.EntitlementParameters.For("ZJ 二(四)", "ZJ 二(四)", "ZJ 二(四)", 1m, "文件写明：社会化评估费用，按人次定额从长护险基金中列支"),
        .. CommonParameters.Coverage("ZJ 二(五)2", [.. Modes]),
        .. Modes.SelectMany(mode => new[]
        {
            WithoutValue(FundRatio(mode), ParameterKind.Ratio, "ratio", "ZJ 二(五)3、二(六)", $"{mode.ChineseName()} 基金支付比例（居家、社区高于机构）"),
            WithoutValue(MonthlyLimit(mode), ParameterKind.Amount, "yuan/month", "ZJ 二(五)3、二(六)", $"{mode.ChineseName()} 月度支付限额"),
        }),
    ];
}
