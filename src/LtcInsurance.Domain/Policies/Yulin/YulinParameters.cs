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

    public static readonly IReadOnlyList<ServiceMode> Modes = [ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution];

    public static string SubsidyRatio(string status) => $"subsidyRatio.{status}";

    public static string FundRatio(ServiceMode mode) => $"fundRatio.{mode.Code()}";

    public static string MonthlyLimit(ServiceMode mode) => $"monthlyLimit.{mode.Code()}";

    public static string PerDiem(int level) => $"perDiem.institution.level{level}";

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        CommonParameters.SchemeStartOn(new DateOnly(2027, 1, 1), "YL 文末（自2027年1月1日起施行）"),
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
        Fixed(MinorAge, ParameterKind.Count, "years", "YL 二(三)6", "未成年人年龄界限（未满该年龄且未就业者不单独筹资）", 18m),
        .. CommonParameters.Assessment("national2021", "YL 三(一)、二(四)1"),
        CommonParameters.LastingDisability("YL 二(四)1"),
        CommonParameters.BenefitStart(CommonParameters.StartWhenServiceStartsAfterPublicity, "YL 二(四)5", "评估结论公示后，自定点机构提供服务之日起享受待遇"),
        Fixed(WaitingPeriodMonths, ParameterKind.Count, "months", "YL 二(四)5（激励约束）", "待遇享受等待期（月）", 6m),
        WithoutValue(WaitingPeriodExtraMonthsPerGapYear, ParameterKind.Count, "months per gap year", "YL 二(四)5（激励约束）", "每断保一年延长的等待期（月）"),
        CommonParameters.HospitalSuspension(true, "YL 二(四)5"),
        .. CommonParameters.Coverage("YL 二(四)6", [.. Modes]),
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
