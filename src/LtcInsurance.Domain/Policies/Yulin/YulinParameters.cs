using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Yulin;

/// <summary>
/// Yulin implementation plan (征求意见稿), in force 2027-01-01: employee contributions as rates of the
/// medical insurance base, monthly limits and bed-day rates, a yearly ceiling tied to a published
/// income figure, a waiting period for late joiners. Resident amounts are to be set later.
/// </summary>
public static class YulinParameters
{
    public const string EmployerRate = "employerRate";
    public const string EmployeeRate = "employeeRate";
    public const string RetireeRate = "retireeRate";
    public const string FlexibleRate = "flexibleRate";
    public const string ResidentIndividualAmount = "residentIndividualAmount";
    public const string ResidentFiscalAmount = "residentFiscalAmount";
    public const string MinorAge = "minorAge";
    public const string AnnualCeilingRatio = "annualCeilingRatio";
    public const string PreviousYearDisposableIncomePerCapita = "previousYearDisposableIncomePerCapita";
    public const string WaitingPeriodMonths = "waitingPeriodMonths";
    public const string WaitingPeriodExtraMonthsPerGapYear = "waitingPeriodExtraMonthsPerGapYear";
    public const string ResidentSchemeStart = "residentSchemeStart";
    public const string SubsidyScope = "subsidyScope";
    public const string NewbornRule = "newbornRule";
    public const string NewbornEnrolmentMonths = "newbornEnrolmentMonths";
    public const string GapYearCounting = "waitingPeriodGapYearCounting";

    /// <summary>Team reading (团队解读): the 60%/100% subsidies pay part of any individual share (employee, retiree, flexible, resident).</summary>
    public const string SubsidyAnyIndividualShare = "any_individual_share";

    /// <summary>Alternative reading: only the resident standard (个人缴费标准 of 二(三)4) is subsidised.</summary>
    public const string SubsidyResidentStandardOnly = "resident_standard_only";

    /// <summary>Team reading (团队解读): a newborn is whoever the enrolment record marks as one (the agency decides).</summary>
    public const string NewbornDeclared = "declared";

    /// <summary>Alternative: a newborn is a child enrolled within <see cref="NewbornEnrolmentMonths"/> of birth.</summary>
    public const string NewbornEnrolledWithinMonths = "enrolled_within_months";

    /// <summary>Team reading (团队解读): every started year of gap counts as a year, so a gap of less than a year extends the wait once.</summary>
    public const string GapEveryStartedYear = "every_started_year";

    /// <summary>Alternative: only whole years of gap count; a gap under a year does not extend the wait.</summary>
    public const string GapWholeYearsOnly = "whole_years_only";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Choices = new Dictionary<string, IReadOnlyList<string>>
    {
        [SubsidyScope] = [SubsidyAnyIndividualShare, SubsidyResidentStandardOnly],
        [NewbornRule] = [NewbornDeclared, NewbornEnrolledWithinMonths],
        [GapYearCounting] = [GapEveryStartedYear, GapWholeYearsOnly],
    };

    public static readonly IReadOnlyList<ServiceMode> Modes = [ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution];

    public static string SubsidyRatio(string status) => $"subsidyRatio.{status}";

    public static string FundRatio(ServiceMode mode) => $"fundRatio.{mode.Code()}";

    public static string MonthlyLimit(ServiceMode mode) => $"monthlyLimit.{mode.Code()}";

    public static string PerDiem(int level) => $"perDiem.institution.level{level}";

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.SchemeStartOn(new DateOnly(2027, 1, 1), "YL 文末（自2027年1月1日起施行）"),
        CommonParameters.DateUnset(ResidentSchemeStart, "YL 一(二)、二(一)", "未就业城乡居民长护险启动日期（2027年只启动职工长护险，居民长护险按国家、自治区规定适时启动，政策另行确定）"),
        CommonParameters.DateUnset(CommonParameters.CollectionStart, "YL 五", "长护险保费征收起始日期（由市医保局、市税务局和财政局另行下文通知）"),
        CommonParameters.DateUnset(CommonParameters.BenefitPaymentStart, "YL 五", "长护险待遇支付起始日期（由市医保局、市税务局和财政局另行下文通知）"),
        CommonParameters.AreaCodes("YL 二(一)、三(四)", "4509"),
        Fixed(EmployerRate, ParameterKind.Ratio, "ratio of payroll", "YL 二(三)1", "用人单位费率（以职工工资总额为基数，按职工分摊）", 0.0015m),
        Fixed(EmployeeRate, ParameterKind.Ratio, "ratio of wage base", "YL 二(三)1", "在职职工个人费率", 0.0015m),
        Fixed(RetireeRate, ParameterKind.Ratio, "ratio of pension", "YL 二(三)2", "退休人员个人费率（上年度基本养老金）", 0.0015m),
        Fixed(FlexibleRate, ParameterKind.Ratio, "ratio of wage base", "YL 二(三)3", "灵活就业人员、领取失业金人员按职工政策参保费率（个人全额缴纳）", 0.003m),
        WithoutValue(ResidentIndividualAmount, ParameterKind.Amount, "yuan/person/year", "YL 二(三)4", "未就业城乡居民个人缴费（筹资办法另行确定）"),
        WithoutValue(ResidentFiscalAmount, ParameterKind.Amount, "yuan/person/year", "YL 二(三)4", "未就业城乡居民政府补助（与个人约1:1，另行确定）"),
        Fixed(SubsidyRatio(PersonStatus.Tekun), ParameterKind.Ratio, "ratio", "YL 二(三)5", "特困人员个人缴费资助比例", 1.00m),
        Fixed(SubsidyRatio(PersonStatus.Dibao), ParameterKind.Ratio, "ratio", "YL 二(三)5", "低保对象个人缴费资助比例", 0.60m),
        Fixed(SubsidyRatio(PersonStatus.Fangfan), ParameterKind.Ratio, "ratio", "YL 二(三)5", "防止返贫致贫对象个人缴费资助比例", 0.60m),
        new(SubsidyScope, ParameterKind.Text, "reading", "YL 二(三)5", "困难人群资助适用的个人缴费（任何个人缴费部分 / 仅居民个人缴费标准）",
            [new DatedValue(DateOnly.MinValue, SubsidyAnyIndividualShare, "团队解读：二(三)5“个人缴费部分”不限险种，职工、退休、灵活就业人员的个人缴费同样按比例资助；条文亦可读作仅指二(三)4居民个人缴费标准")]),
        Fixed(MinorAge, ParameterKind.Count, "years", "YL 二(三)6", "未成年人年龄界限（未满该年龄且未就业者不单独筹资）", 18m),
        .. CommonParameters.Assessment("national2021", "YL 三(一)", 3m, "YL 二(四)1（制度起步阶段保障重度失能人员）"),
        .. CommonParameters.ClaimProcess("YL 三(三)"),
        .. CommonParameters.Supervision("YL 三(五)"),
        CommonParameters.LastingDisability("YL 二(四)1"),
        CommonParameters.BenefitStart(CommonParameters.StartWhenServiceStartsAfterPublicity, "YL 二(四)5", "评估结论公示后，自定点机构提供服务之日起享受待遇"),
        Fixed(WaitingPeriodMonths, ParameterKind.Count, "months", "YL 二(四)5（激励约束）", "待遇享受等待期（月）", 6m),
        WithoutValue(WaitingPeriodExtraMonthsPerGapYear, ParameterKind.Count, "months per gap year", "YL 二(四)5（激励约束）", "每断保一年延长的等待期（月）"),
        new(GapYearCounting, ParameterKind.Text, "reading", "YL 二(四)5（激励约束）", "断保年限的计算（不满一年按一年 / 只计整年）",
            [new DatedValue(DateOnly.MinValue, GapEveryStartedYear, "团队解读：“随着断保年限的增加相应延长等待期”，不满一年的断保按一年计，延长一次")]),
        new(NewbornRule, ParameterKind.Text, "reading", "YL 二(四)5（激励约束）", "等待期豁免的“新生儿”如何认定（以参保登记认定为准 / 出生后规定月数内参保）",
            [new DatedValue(DateOnly.MinValue, NewbornDeclared, "团队解读：文件只写“除新生儿等特殊群体外”，未界定新生儿；以经办机构在参保登记中的认定为准")]),
        WithoutValue(NewbornEnrolmentMonths, ParameterKind.Count, "months", "YL 二(四)5（激励约束）", "出生后多少个月内参保视为新生儿（新生儿按出生后规定月数内参保认定时使用）"),
        CommonParameters.HospitalSuspension(true, "YL 二(四)5"),
        .. Entitlement.EntitlementParameters.For("YL 三(一)", "YL 二(四)5", "YL 三(一)、三(六)", null),
        // YL 二(四)4(1)(2) pay home and community care for 生活照料服务项目费用 only; institution care names both (二(四)2(3))
        CommonParameters.CoverageOf(ServiceMode.Home, "YL 二(四)4(1)、二(四)6", "文件写明：用于支付参保人员居家发生的生活照料服务项目费用", LineCategories.Care),
        CommonParameters.CoverageOf(ServiceMode.Community, "YL 二(四)4(2)、二(四)6", "文件写明：用于支付参保人员在社区发生的生活照料服务项目费用", LineCategories.Care),
        CommonParameters.CoverageOf(ServiceMode.Institution, "YL 二(四)2(3)、二(四)6", "文件写明：全日制生活照料服务、医疗护理服务", LineCategories.Care, LineCategories.MedicalCare),
        Fixed(FundRatio(ServiceMode.Home), ParameterKind.Ratio, "ratio", "YL 二(四)4(1)", "居家护理基金支付比例", 0.70m),
        Fixed(MonthlyLimit(ServiceMode.Home), ParameterKind.Amount, "yuan/month", "YL 二(四)4(1)", "居家护理每人每月限额", 1200m),
        Fixed(FundRatio(ServiceMode.Community), ParameterKind.Ratio, "ratio", "YL 二(四)4(2)", "社区护理基金支付比例", 0.70m),
        Fixed(MonthlyLimit(ServiceMode.Community), ParameterKind.Amount, "yuan/month", "YL 二(四)4(2)", "社区护理每人每月限额", 1100m),
        Fixed(PerDiem(3), ParameterKind.Amount, "yuan/day", "YL 二(四)4(3)", "机构护理床日标准：重度失能一级", 35m),
        Fixed(PerDiem(4), ParameterKind.Amount, "yuan/day", "YL 二(四)4(3)", "机构护理床日标准：重度失能二级", 40m),
        Fixed(PerDiem(5), ParameterKind.Amount, "yuan/day", "YL 二(四)4(3)", "机构护理床日标准：重度失能三级", 45m),
        Fixed(AnnualCeilingRatio, ParameterKind.Ratio, "ratio", "YL 二(四)4", "基金年度最高支付限额占上年度城乡居民人均可支配收入的比例", 0.50m),
        WithoutValue(PreviousYearDisposableIncomePerCapita, ParameterKind.Amount, "yuan/year", "YL 二(四)4", "玉林市上年度城乡居民人均可支配收入（统计公布数，按年设置）"),
        .. Ledger.AgencyFeeCeilingParameters.Definitions(Ledger.AgencyFeeCeilingRule.Yulin),
    ];
}
