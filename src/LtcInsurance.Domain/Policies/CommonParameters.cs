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

    /// <summary>Days an assessment application may wait incomplete before it counts as withdrawn: the tenant's period, no default.</summary>
    public const string ApplicationCompletionDays = "assessmentApplicationCompletionDays";

    /// <summary>Working days within which an application is accepted or refused (医保办发〔2024〕22号, as reported).</summary>
    public const string AcceptanceWorkingDays = "assessmentAcceptanceWorkingDays";

    /// <summary>
    /// Working days from acceptance (for a 复评: from the objection) within which the conclusion is made and its letter
    /// delivered (医保发〔2023〕29号, as reported).
    /// </summary>
    public const string DeliveryWorkingDays = "assessmentDeliveryWorkingDays";

    /// <summary>
    /// Months after a conclusion during which a new application is refused unless the condition changed (医保发〔2023〕29号,
    /// as reported): the same figure as a request for re-assessment, so one parameter serves both.
    /// </summary>
    public const string ReapplicationMonths = Entitlement.EntitlementParameters.ReassessmentAfterMonths;

    /// <summary>First day contributions are collected, where the document leaves it to a later notice (YL 五).</summary>
    public const string CollectionStart = "collectionStart";

    /// <summary>First day benefits are paid, where the document leaves it to a later notice (YL 五).</summary>
    public const string BenefitPaymentStart = "benefitPaymentStart";

    /// <summary>Day of the month after the service month on which the claims window closes (inclusive): the tenant's, no default.</summary>
    public const string ClaimWindowCloseDay = "claimWindowCloseDay";

    /// <summary>Fund amount of a claim above which its approval needs a second approver: the tenant's, no default.</summary>
    public const string ClaimSecondApprovalAbove = "claimSecondApprovalAbove";

    /// <summary>Barthel grades, lowest need first.</summary>
    public static readonly IReadOnlyList<string> BarthelBands = ["independent", "mild", "moderate", "severe"];

    /// <summary>Benefit-start strategies a tenant can choose.</summary>
    public const string StartDayAfterConclusion = "day_after_conclusion";
    public const string StartDayAfterPublicity = "day_after_publicity";
    public const string StartWhenServiceStartsAfterPublicity = "service_start_after_publicity";

    public static readonly IReadOnlyList<string> BenefitStartRules = [StartDayAfterConclusion, StartDayAfterPublicity, StartWhenServiceStartsAfterPublicity];

    public static string CoveredCategories(ServiceMode mode) => $"coveredCategories.{mode.Code()}";

    /// <summary>
    /// The codes a text or list parameter may hold (an enumerated field), or null when it is free: the parameter store's
    /// list (<see cref="ParameterValueText.AllowedCodes"/>) and the choices of Yulin's readings. A value outside the list
    /// is refused wherever it is entered, never mapped to another.
    /// </summary>
    public static IReadOnlyList<string>? AllowedCodes(string name) =>
        ParameterValueText.AllowedCodes(name) ?? Entitlement.EntitlementParameters.AllowedCodes(name)
        ?? Yulin.YulinParameters.Choices.GetValueOrDefault(name);

    public static ParameterDefinition SchemeStartOn(DateOnly date, string clause) =>
        ParameterDefinition.Fixed(SchemeStart, ParameterKind.Date, "date", clause, "制度施行日期", date);

    public static ParameterDefinition AreaCodes(string clause, params string[] codePrefixes) =>
        ParameterDefinition.Fixed(SchemeAreaCodes, ParameterKind.TextList, "GB/T 2260 code prefix", clause, "制度覆盖地区（行政区划代码或前缀）", codePrefixes.ToList());

    /// <summary>
    /// The tenant's instrument (enforced: an assessment with another one is refused) and the benefit threshold of each
    /// built-in instrument. <paramref name="threshold"/> is the threshold of the configured instrument when the document
    /// states it (a minimum national level, or the Barthel bands), else null: declared without a value. The other
    /// instrument's threshold is always declared without a value (the document names no figure for it).
    /// </summary>
    public static IEnumerable<ParameterDefinition> Assessment(string instrument, string clause, object? threshold, string thresholdClause)
    {
        yield return ParameterDefinition.Fixed(AssessmentInstrument, ParameterKind.Text, "instrument id", clause, "失能评估量表（只接受该量表的评估）", instrument);
        const string bandsLabel = "Barthel 指数享受待遇的等级";
        const string levelLabel = "国家标准享受待遇的最低失能等级（3 = 重度失能一级）";
        yield return instrument == "barthel" && threshold is not null
            ? ParameterDefinition.Fixed(BarthelBenefitBands, ParameterKind.TextList, "band", thresholdClause, bandsLabel, threshold)
            : ParameterDefinition.WithoutValue(BarthelBenefitBands, ParameterKind.TextList, "band", thresholdClause, bandsLabel);
        yield return instrument == "national2021" && threshold is not null
            ? ParameterDefinition.Fixed(National2021MinimumLevel, ParameterKind.Count, "level", thresholdClause, levelLabel, threshold)
            : ParameterDefinition.WithoutValue(National2021MinimumLevel, ParameterKind.Count, "level", thresholdClause, levelLabel);
        // the city's own assessment clause anchors the national figures (the clause texts know the five documents only)
        foreach (var definition in AssessmentApplication(clause.Split('（')[0].Trim()))
            yield return definition;
    }

    /// <summary>
    /// The application and acceptance figures every city shares: the acceptance deadline and the re-application period are
    /// national defaults (as reported; a city may change them); the completion period is left to the city, without a value.
    /// </summary>
    public static IEnumerable<ParameterDefinition> AssessmentApplication(string cityClause)
    {
        yield return ParameterDefinition.WithoutValue(ApplicationCompletionDays, ParameterKind.Count, "days",
            $"{cityClause}（评估申请补齐材料的期限本文件及医保发〔2023〕29号均未规定，由本地确定）", "评估申请补齐材料的期限（逾期视为撤回）");
        yield return ParameterDefinition.Fixed(AcceptanceWorkingDays, ParameterKind.Count, "working days",
            $"{cityClause}（国家默认值：医保办发〔2024〕22号 5个工作日内受理反馈，as reported）", "评估申请受理审核时限（工作日）", 5m);
        yield return ParameterDefinition.Fixed(DeliveryWorkingDays, ParameterKind.Count, "working days",
            $"{cityClause}（国家默认值：医保发〔2023〕29号 受理之日起30个工作日内作出评估结论并送达，as reported）", "评估结论送达时限（自受理起，工作日）", 30m);
        // The re-application period is EntitlementParameters.ReassessmentAfterMonths (one figure, defined there).
    }

    /// <summary>
    /// The monthly claims process every city shares (issue #13): when the month's claims window closes and above which fund
    /// amount an approval needs a second person (医保办发〔2024〕22号 names the steps, not the figures). Both are left to the
    /// city: declared without a value, claims refuse with <c>parameter_missing</c> until an admin sets them.
    /// </summary>
    public static IEnumerable<ParameterDefinition> ClaimProcess(string settlementClause)
    {
        yield return ParameterDefinition.WithoutValue(ClaimWindowCloseDay, ParameterKind.Count, "day of month",
            $"{settlementClause}（按月结算；结算申报截止日文件未规定，由本地确定）", "月度结算申报截止日（次月第几日，1–28）");
        yield return ParameterDefinition.WithoutValue(ClaimSecondApprovalAbove, ParameterKind.Amount, "yuan",
            $"{settlementClause}（按月结算；费用审核岗位分设、相互制约见医保办发〔2024〕22号，大额审定标准文件未规定，由本地确定）", "须两人审定的申报基金支付金额（高于此额）");
    }

    public const string SupervisionOutlierZ = "supervisionOutlierZ";
    public const string SupervisionOutlierMinimumPoints = "supervisionOutlierMinimumPoints";
    public const string SupervisionWorkerBeneficiariesPerDay = "supervisionWorkerBeneficiariesPerDay";
    public const string SupervisionAssessorMinimumCases = "supervisionAssessorMinimumCases";
    public const string SupervisionAssessorSameLevelShare = "supervisionAssessorSameLevelShare";
    public const string SupervisionReviewLevelJump = "supervisionReviewLevelJump";

    /// <summary>
    /// The anomaly rules' thresholds (issue #14). No document states them: they are supervision settings the product ships
    /// with a default of its own (<see cref="Supervision.SupervisionSettings.Default"/>, docs/supervision.md), which a
    /// city's admins may change like any parameter. They are not law figures.
    /// </summary>
    public static IEnumerable<ParameterDefinition> Supervision(string supervisionClause)
    {
        var d = LtcInsurance.Domain.Supervision.SupervisionSettings.Default;
        var clause = $"{supervisionClause}；医保办发〔2024〕22号 异常数据筛查（监管设置，产品默认值，非文件规定）";
        yield return ParameterDefinition.Fixed(SupervisionOutlierZ, ParameterKind.Amount, "robust z", clause, "机构费用异常：稳健 z 值阈值（中位数/MAD）", d.OutlierZ);
        yield return ParameterDefinition.Fixed(SupervisionOutlierMinimumPoints, ParameterKind.Count, "months or providers", clause,
            "机构费用异常：比较所需的最少历史月数或同类机构数", (decimal)d.OutlierMinimumPoints);
        yield return ParameterDefinition.Fixed(SupervisionWorkerBeneficiariesPerDay, ParameterKind.Count, "people", clause,
            "护理人员同日服务对象上限（超过即列为疑点）", (decimal)d.WorkerBeneficiariesPerDay);
        yield return ParameterDefinition.Fixed(SupervisionAssessorMinimumCases, ParameterKind.Count, "cases", clause,
            "评估人员结论集中：最少结论数", (decimal)d.AssessorMinimumCases);
        yield return ParameterDefinition.Fixed(SupervisionAssessorSameLevelShare, ParameterKind.Ratio, "share", clause,
            "评估人员结论集中：同一等级占比阈值", d.AssessorSameLevelShare);
        yield return ParameterDefinition.Fixed(SupervisionReviewLevelJump, ParameterKind.Count, "levels", clause,
            "复评结论变化的等级数阈值", (decimal)d.ReviewLevelJump);
    }

    public static ParameterDefinition BenefitStart(string rule, string clause, string label) =>
        ParameterDefinition.Fixed(BenefitStartRule, ParameterKind.Text, "strategy", clause, label, rule);

    /// <summary>The document states no rule for when benefits start: declared without a value until the tenant sets one.</summary>
    public static ParameterDefinition BenefitStartUnset(string clause) =>
        ParameterDefinition.WithoutValue(BenefitStartRule, ParameterKind.Text, "strategy", clause,
            "待遇起始规则（文件未规定，由管理员选定）");

    /// <summary>A date the document leaves to a later notice: declared without a value until set.</summary>
    public static ParameterDefinition DateUnset(string name, string clause, string label) =>
        ParameterDefinition.WithoutValue(name, ParameterKind.Date, "date", clause, label);

    public static ParameterDefinition LastingDisability(string clause) =>
        ParameterDefinition.Fixed(MinimumDisabilityMonths, ParameterKind.Count, "months", clause, "失能状态须持续的最短月数", 6m);

    public static ParameterDefinition HospitalSuspension(bool suspend, string clause) =>
        ParameterDefinition.Fixed(SuspendDuringHospitalStay, ParameterKind.Flag, "flag", clause, HospitalSuspensionLabel, suspend);

    /// <summary>The document is silent on hospital stays: declared without a value, read only when a stay overlaps paid days.</summary>
    public static ParameterDefinition HospitalSuspensionUnset(string clause) =>
        ParameterDefinition.WithoutValue(SuspendDuringHospitalStay, ParameterKind.Flag, "flag", clause, HospitalSuspensionLabel);

    private const string HospitalSuspensionLabel = "住院期间暂停长护险待遇（入院次日至出院日）";

    /// <summary>Covered categories per offered mode: care and medical care unless a tenant adds more (digest interpretation 11).</summary>
    public static IEnumerable<ParameterDefinition> Coverage(string clause, params ServiceMode[] modes) =>
        modes.Select(mode => CoverageOf(mode, clause, null, LineCategories.Care, LineCategories.MedicalCare));

    /// <summary>Covered categories of one mode where the document names them.</summary>
    public static ParameterDefinition CoverageOf(ServiceMode mode, string clause, string? note, params string[] categories) =>
        new(
            CoveredCategories(mode),
            ParameterKind.TextList,
            "category",
            clause,
            $"{mode.ChineseName()} 服务方式纳入基金支付的费用类别",
            [new DatedValue(DateOnly.MinValue, categories.ToList(), note)]);
}
