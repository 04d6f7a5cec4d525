using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// Names of the parameters every city module declares, and builders for their usual defaults. The
/// values and clauses themselves live in each city's parameter file.
/// </summary>
public static class CommonParameters
{
    public const string SchemeStart = "schemeStart";
    public const string SchemeAreaCodes = "schemeAreaCodes";
    public const string AssessmentInstrument = "assessmentInstrument";
    public const string BarthelBenefitBands = "barthelBenefitBands";
    public const string National2021MinimumLevel = "national2021MinimumLevel";
    public const string BenefitStartRule = "benefitStartRule";
    public const string SuspendDuringHospitalStay = "suspendDuringHospitalStay";
    public const string MinimumDisabilityMonths = "minimumDisabilityMonths";

    /// <summary>Benefit-start strategies a tenant can choose.</summary>
    public const string StartDayAfterConclusion = "day_after_conclusion";
    public const string StartDayAfterPublicity = "day_after_publicity";
    public const string StartWhenServiceStartsAfterPublicity = "service_start_after_publicity";

    public static string CoveredCategories(ServiceMode mode) => $"coveredCategories.{mode.Code()}";

    public static ParameterDefinition SchemeStartOn(DateOnly date, string clause) =>
        ParameterDefinition.Fixed(SchemeStart, ParameterKind.Date, "date", clause, "制度施行日期", date);

    public static ParameterDefinition AreaCodes(string clause, params string[] codePrefixes) =>
        ParameterDefinition.Fixed(SchemeAreaCodes, ParameterKind.TextList, "GB/T 2260 code prefix", clause, "制度覆盖地区（行政区划代码或前缀）", codePrefixes.ToList());

    public static IEnumerable<ParameterDefinition> Assessment(string instrument, string clause) =>
    [
        ParameterDefinition.Fixed(AssessmentInstrument, ParameterKind.Text, "instrument id", clause, "失能评估量表", instrument),
        ParameterDefinition.Fixed(BarthelBenefitBands, ParameterKind.TextList, "band", clause, "Barthel 指数享受待遇的等级（默认重度依赖）", new List<string> { "severe" }),
        ParameterDefinition.Fixed(National2021MinimumLevel, ParameterKind.Count, "level", clause, "国家标准享受待遇的最低失能等级（默认重度失能一级 = 3）", 3m),
    ];

    public static ParameterDefinition BenefitStart(string rule, string clause, string label) =>
        ParameterDefinition.Fixed(BenefitStartRule, ParameterKind.Text, "strategy", clause, label, rule);

    public static ParameterDefinition LastingDisability(string clause) =>
        ParameterDefinition.Fixed(MinimumDisabilityMonths, ParameterKind.Count, "months", clause, "失能状态须持续的最短月数", 6m);

    public static ParameterDefinition HospitalSuspension(bool suspend, string clause) =>
        ParameterDefinition.Fixed(SuspendDuringHospitalStay, ParameterKind.Flag, "flag", clause, "住院期间暂停长护险待遇（入院次日至出院日）", suspend);

    /// <summary>Covered categories per offered mode: care and medical care unless a tenant adds more (digest interpretation 11).</summary>
    public static IEnumerable<ParameterDefinition> Coverage(string clause, params ServiceMode[] modes) =>
        modes.Select(mode => ParameterDefinition.Fixed(
            CoveredCategories(mode),
            ParameterKind.TextList,
            "category",
            clause,
            $"{mode.ChineseName()} 服务方式纳入基金支付的费用类别",
            new List<string> { LineCategories.Care, LineCategories.MedicalCare }));
}
