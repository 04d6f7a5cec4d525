namespace LtcInsurance.Domain.Policies;

/// <summary>The rule types of the engine with the Chinese description shown in traces and the UI.</summary>
public static class RuleNames
{
    public const string SchemeInForce = "scheme_in_force";
    public const string SchemeArea = "scheme_area";
    public const string InsuredPopulation = "insured_population";
    public const string FixedShares = "fixed_shares";
    public const string RateOnBase = "rate_on_base";
    public const string StatusSubsidy = "status_subsidy";
    public const string RatioByModeAndLevel = "ratio_by_mode_and_level";
    public const string RatioWithMonthlyLimit = "ratio_with_monthly_limit";
    public const string PerDiemByLevel = "per_diem_by_level";
    public const string CategoryCoverage = "category_coverage";
    public const string HospitalSuspension = "hospital_suspension";
    public const string EntitlementWindow = "entitlement_window";
    public const string AnnualCeiling = "annual_ceiling";
    public const string LineAllocation = "line_allocation";
    public const string AssessmentScoring = "assessment_scoring";
    public const string BenefitThreshold = "benefit_threshold";
    public const string BenefitStart = "benefit_start";
    public const string WaitingPeriod = "waiting_period";
    public const string LastingDisability = "lasting_disability";
    public const string AssessmentInstrument = "assessment_instrument";
    public const string PaymentStart = "payment_start";
    public const string Publicity = "publicity";
    public const string Objection = "objection";
    public const string ConclusionValidity = "conclusion_validity";
    public const string ExpiryReminder = "expiry_reminder";
    public const string ReassessmentInterval = "reassessment_interval";
    public const string EntitlementEnd = "entitlement_end";
    public const string AssessmentFee = "assessment_fee";
    public const string AgencyFeeCeiling = "agency_fee_ceiling";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [SchemeInForce] = "制度施行日期：施行前不参保、不缴费、不结算",
        [SchemeArea] = "统筹/试点地区：按行政区划代码判断是否在制度覆盖范围内",
        [InsuredPopulation] = "参保范围：按医保类型、就业状态和人员类别确定参保险种",
        [FixedShares] = "定额筹资：按人按年定额，由各筹资方分担",
        [RateOnBase] = "按费率筹资：缴费基数 × 费率，逐项四舍五入到分",
        [StatusSubsidy] = "困难人群资助：政府按人员类别资助个人缴费部分",
        [RatioByModeAndLevel] = "支付比例：按服务方式及定点医疗机构级别确定基金支付比例",
        [RatioWithMonthlyLimit] = "按比例支付：当月符合规定费用（不超过月限额）× 基金支付比例，合计一次取整",
        [PerDiemByLevel] = "按床日支付：每个服务日基金支付当日护理费用与失能等级床日标准中的较低者",
        [CategoryCoverage] = "支付范围：仅生活照料、医疗护理等规定类别纳入基金支付，床位费、膳食费等不予支付",
        [HospitalSuspension] = "住院期间暂停待遇：入院次日起停止，出院次日恢复",
        [EntitlementWindow] = "待遇享受期：仅支付待遇起止日期内发生的费用",
        [AnnualCeiling] = "年度最高支付限额：当月基金支付不超过年度限额的剩余额度",
        [LineAllocation] = "按明细分摊：将当月基金支付合计按费用比例分摊到各明细，分摊结果合计与总额一致",
        [AssessmentScoring] = "失能评估：按评估量表计算各指标得分、等级与失能等级",
        [BenefitThreshold] = "待遇门槛：评估结果达到租户设定的失能等级方可享受待遇",
        [BenefitStart] = "待遇起始日：按本地规定确定开始享受待遇的日期",
        [LastingDisability] = "失能持续时间：经规范诊疗后失能状态须持续规定月数方可享受待遇",
        [AssessmentInstrument] = "评估量表：只接受租户规定的失能评估量表",
        [PaymentStart] = "征收与支付时间：保费征收、待遇支付自另行通知的日期起",
        [WaitingPeriod] = "待遇等待期：非制度启动时参保或断保后再参保的人员须经过等待期",
        [Publicity] = "评估结论公示：按租户设定的天数及计算方式（自然日/工作日）确定公示期",
        [Objection] = "异议：仅在公示期内受理，引起复评（原评估机构及人员回避）；复评结论为最终结论",
        [ConclusionValidity] = "评估结论有效期：自结论作出之日起按月计算，重度失能最长2年",
        [ExpiryReminder] = "到期提醒：有效期届满前规定天数提醒重新评估",
        [ReassessmentInterval] = "重新评估：本人申请须距上次结论满规定月数，失能状况变化、抽查发现变化或有效期届满前除外",
        [EntitlementEnd] = "待遇资格终止：有效期届满、死亡、失去参保资格或作出新结论，以最早者为准",
        [AssessmentFee] = "评估费：每次评估的费用按比例由基金和个人分担",
        [AgencyFeeCeiling] = "经办费用上限：基金支付的评估费计入当年经办服务费用上限",
    };

    public static string Describe(string rule) => Descriptions.TryGetValue(rule, out var text) ? text : rule;

    internal static TraceStep Step(
        string rule,
        string clause,
        IEnumerable<Parameters.ResolvedParameter> parameters,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, object?> result) =>
        new(rule, clause, Describe(rule), parameters.ToList(), inputs, result);
}
