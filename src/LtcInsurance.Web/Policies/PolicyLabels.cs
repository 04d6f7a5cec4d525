using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Web.Policies;

/// <summary>
/// Chinese names for every identifier the policy engine can emit: rule names, trace input/result keys, parameter
/// names, codes found in values (service modes, payers, statuses, reasons, strategies, grades...), units and error
/// codes. The calculator shows these; the raw identifier stays in a tooltip and in the JSON view only.
/// </summary>
public static class PolicyLabels
{
    /// <summary>Short names of the rule types (the long explanation is <see cref="RuleNames.Describe"/>).</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        [RuleNames.SchemeInForce] = "制度施行",
        [RuleNames.SchemeArea] = "覆盖地区",
        [RuleNames.InsuredPopulation] = "参保范围",
        [RuleNames.FixedShares] = "定额筹资",
        [RuleNames.RateOnBase] = "按费率筹资",
        [RuleNames.StatusSubsidy] = "困难人群资助",
        [RuleNames.RatioByModeAndLevel] = "支付比例",
        [RuleNames.RatioWithMonthlyLimit] = "按比例支付（月限额）",
        [RuleNames.PerDiemByLevel] = "按床日支付",
        [RuleNames.CategoryCoverage] = "支付范围",
        [RuleNames.HospitalSuspension] = "住院暂停待遇",
        [RuleNames.EntitlementWindow] = "待遇享受期",
        [RuleNames.AnnualCeiling] = "年度最高支付限额",
        [RuleNames.LineAllocation] = "按明细分摊",
        [RuleNames.AssessmentScoring] = "失能评估计分",
        [RuleNames.BenefitThreshold] = "待遇门槛",
        [RuleNames.BenefitStart] = "待遇起始日",
        [RuleNames.WaitingPeriod] = "待遇等待期",
        [RuleNames.LastingDisability] = "失能持续时间",
        [RuleNames.AssessmentInstrument] = "评估量表",
        [RuleNames.PaymentStart] = "征收与支付时间",
        [RuleNames.Publicity] = "评估结论公示",
        [RuleNames.Objection] = "异议与复评",
        [RuleNames.ConclusionValidity] = "评估结论有效期",
        [RuleNames.ExpiryReminder] = "到期复评提醒",
        [RuleNames.ReassessmentInterval] = "重新评估间隔",
        [RuleNames.EntitlementEnd] = "待遇终止",
        [RuleNames.AssessmentFee] = "评估费",
        [RuleNames.AgencyFeeCeiling] = "经办费用上限",
    };

    /// <summary>The keys of trace inputs and results, and the fields of the calculator contract.</summary>
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["age"] = "年龄",
        ["amount"] = "金额",
        ["applies"] = "是否适用",
        ["accepted"] = "是否受理",
        ["benefitPaymentStart"] = "待遇支付起始日期",
        ["collectionStart"] = "保费征收起始日期",
        ["everyStartedGapYear"] = "不满一年的断保按一年计",
        ["guardianInsured"] = "父母或法定抚养人是否已参保",
        ["month"] = "结算月份",
        ["period"] = "缴费期",
        ["residentSchemeStart"] = "居民长护险启动日期",
        ["benefitStart"] = "待遇起始日",
        ["billed"] = "费用合计",
        ["birthDate"] = "出生日期",
        ["ceiling"] = "年度限额",
        ["conclusionDate"] = "评估结论日期",
        ["coveredLines"] = "纳入支付的明细数",
        ["coveredTotal"] = "符合规定费用合计",
        ["cut"] = "核减金额",
        ["date"] = "日期",
        ["disabledSince"] = "失能起始日期",
        ["eligible"] = "是否参保",
        ["eligibleForBenefit"] = "是否享受待遇",
        ["employment"] = "就业状态",
        ["enrolledSince"] = "参保起始日期",
        ["entitledFrom"] = "待遇起始日",
        ["entitledTo"] = "待遇终止日",
        ["flexibleChoice"] = "灵活就业人员选择的险种",
        ["fund"] = "基金支付",
        ["fundPays"] = "基金支付",
        ["fundPerDay"] = "每日基金支付",
        ["gapDaysAfterLaunch"] = "制度启动后断保天数",
        ["gapYears"] = "断保年数",
        ["grades"] = "指标等级",
        ["hospitalStays"] = "住院次数",
        ["inArea"] = "是否在覆盖地区",
        ["inForce"] = "制度是否施行",
        ["individualDue"] = "个人应缴",
        ["individualPays"] = "个人负担",
        ["individualShare"] = "个人缴费部分",
        ["instrument"] = "评估量表",
        ["items"] = "评估项目得分",
        ["lastDay"] = "等待期最后一日",
        ["lastedEnough"] = "失能持续时间是否达到",
        ["left"] = "年度剩余额度",
        ["level"] = "失能等级",
        ["limitedBy"] = "受限于",
        ["lines"] = "各方金额",
        ["medicalInstitutionLevel"] = "定点医疗机构级别",
        ["medicalInsurance"] = "医保类型",
        ["monthFund"] = "当月基金支付",
        ["monthlyPension"] = "月基本养老金",
        ["monthlyWage"] = "月缴费工资",
        ["months"] = "月数",
        ["newborn"] = "是否新生儿",
        ["payableBase"] = "计付基数",
        ["payer"] = "缴费方",
        ["payers"] = "筹资各方",
        ["publicityEnds"] = "公示期满日期",
        ["ratio"] = "比例",
        ["reason"] = "判定依据",
        ["regionCode"] = "行政区划代码",
        ["rejectedLines"] = "不予支付的明细",
        ["scheme"] = "参保险种",
        ["schemeLaunch"] = "制度启动日期",
        ["serviceDays"] = "服务天数",
        ["serviceMode"] = "服务方式",
        ["serviceStart"] = "开始服务日期",
        ["statuses"] = "人员类别",
        ["subsidy"] = "资助金额",
        ["total"] = "合计",
        ["totals"] = "指标得分",
        ["version"] = "量表版本",
        ["yearToDateFundPaid"] = "本年已由基金支付",
    };

    /// <summary>Codes that appear as values: reasons, strategies, categories, sources, instrument versions.</summary>
    private static readonly Dictionary<string, string> Codes = new()
    {
        // eligibility reasons
        ["scheme_not_in_force"] = "制度尚未施行",
        ["outside_scheme_area"] = "不在制度覆盖地区",
        ["employee_medical_insurance"] = "参加职工医保",
        ["resident_medical_insurance"] = "参加居民医保",
        ["employee_not_in_resident_pilot"] = "职工医保参保人不在居民试点范围",
        ["not_employee_medical_insurance"] = "未参加职工医保",
        ["resident_outside_covered_county"] = "居民医保参保人不在纳入地区",
        ["no_medical_insurance"] = "未参加基本医保",
        ["not_in_covered_group"] = "不属参保人群",
        ["flexible_choice_mismatch"] = "灵活就业人员所选险种不符",
        ["flexible_worker_choice"] = "灵活就业人员自选险种",
        ["minor_deemed_insured"] = "未成年人随父母视同参保",
        ["orphan_deemed_insured"] = "孤儿视同参保",
        ["resident_scheme_not_started"] = "居民长护险尚未启动",
        ["guardian_not_insured"] = "父母或法定抚养人未参保",
        ["any_individual_share"] = "任何个人缴费部分",
        ["resident_standard_only"] = "仅居民个人缴费标准",
        ["declared"] = "以参保登记认定为准",
        ["enrolled_within_months"] = "出生后规定月数内参保",
        ["every_started_year"] = "不满一年按一年计",
        ["whole_years_only"] = "只计整年",
        ["special_group"] = "特殊人群",
        // benefit start strategies
        ["day_after_conclusion"] = "评估结论作出次日",
        ["day_after_publicity"] = "公示期满次日",
        ["service_start_after_publicity"] = "公示期满后开始服务之日",
        // settlement
        [RejectionReasons.NotEntitled] = "不在待遇享受期内",
        [RejectionReasons.Hospitalized] = "住院期间暂停待遇",
        [RejectionReasons.NotCoveredCategory] = "不属基金支付范围",
        [RejectionReasons.MonthlyLimit] = "月度限额",
        [RejectionReasons.AnnualCap] = "年度最高支付限额",
        [LineCategories.Care] = "生活照料",
        [LineCategories.MedicalCare] = "医疗护理",
        [LineCategories.Bed] = "床位费",
        [LineCategories.Meal] = "膳食费",
        [LineCategories.Drug] = "药品费",
        [LineCategories.Other] = "其他费用",
        // where a parameter value came from
        [ParameterSource.Default] = "文件默认值",
        [ParameterSource.Tenant] = "租户设置",
        [ParameterSource.Case] = "案例提供",
        // instrument versions
        ["pilot-default"] = "试点默认版",
    };

    private static readonly Dictionary<string, string> Units = new()
    {
        ["GB/T 2260 code prefix"] = "行政区划代码（前缀）",
        ["band"] = "等级",
        ["date"] = "日期",
        ["flag"] = "是/否",
        ["instrument id"] = "量表",
        ["level"] = "失能等级",
        ["months per gap year"] = "月/断保年",
        ["months"] = "月",
        ["ratio of payroll"] = "比例（工资总额）",
        ["ratio of pension"] = "比例（养老金）",
        ["ratio of wage base"] = "比例（缴费基数）",
        ["ratio"] = "比例",
        ["status"] = "人员类别",
        ["reading"] = "解读",
        ["strategy"] = "规则",
        ["years"] = "岁",
        ["yuan/day"] = "元/日",
        ["yuan/month"] = "元/月",
        ["yuan/person/year"] = "元/人/年",
        ["yuan/year"] = "元/年",
    };

    private static readonly Dictionary<string, string> Errors = new()
    {
        [ErrorCodes.InvalidInput] = "输入无效",
        [ErrorCodes.UnknownTenant] = "未知租户",
        [ErrorCodes.UnknownKind] = "未知案例类型",
        [ErrorCodes.ParameterMissing] = "缺少政策参数（文件留给地方细则，尚未设置）",
        [ErrorCodes.BeforeSchemeStart] = "早于制度施行日期",
        [ErrorCodes.NotInsured] = "不属参保范围",
        [ErrorCodes.UnknownInstrument] = "未知评估量表",
        [ErrorCodes.InvalidItemScore] = "评估项目得分无效",
        [ErrorCodes.ServiceModeNotOffered] = "本地未设该服务方式",
        [ErrorCodes.LevelNotCovered] = "该失能等级不享受待遇",
        [ErrorCodes.ProviderLevelRequired] = "须填写定点医疗机构级别",
        [ErrorCodes.LineOutsideMonth] = "费用明细不在结算月份内",
        [ErrorCodes.DisabilityNotLasting] = "失能持续时间不足",
        [ErrorCodes.InstrumentNotAllowed] = "本地不受理该评估量表",
        [ErrorCodes.BeforeCollectionStart] = "早于保费征收起始日期",
        [ErrorCodes.BeforePaymentStart] = "早于待遇支付起始日期",
        ["forbidden"] = "无权计算",
    };

    /// <summary>Clauses the engine cites in words rather than by article: the built-in instruments' sources.</summary>
    private static readonly Dictionary<string, string> Clauses = new();

    /// <summary>The Chinese reading of a built-in instrument's source (its JSON "source", written in English).</summary>
    private static readonly Dictionary<string, string> InstrumentSources = new()
    {
        ["national2021"] = "国家标准（2021 年试行）；等级划分与组合矩阵：项目组解读（见评估量表说明文档）",
        ["barthel"] = "SS 二(四)；等级划分表：见评估量表说明文档",
    };

    static PolicyLabels()
    {
        foreach (var term in ServiceModes.Terms.Terms)
            Codes[term.Code] = term.ChineseName;
        foreach (var term in PersonStatus.Terms.Terms)
            Codes[term.Code] = term.ChineseName;
        foreach (var term in EmploymentStatuses.Terms.Terms)
            Codes.TryAdd(term.Code, term.ChineseName);
        foreach (var payer in Payer.All)
            Codes[payer.Code] = payer.Name;
        // scheme kinds and medical insurance share codes (employee, resident): the scheme kind's name reads for both
        foreach (var term in MedicalInsuranceSchemes.Terms.Terms)
            Codes.TryAdd(term.Code, term.ChineseName);
        foreach (var term in SchemeKinds.Terms.Terms)
            Codes[term.Code] = term.ChineseName;
        foreach (var id in AssessmentInstrument.BuiltInIds)
        {
            var instrument = AssessmentInstrument.BuiltInTable(id);
            Codes[instrument.Id] = Localize(instrument.Name);
            Clauses[instrument.Source] = InstrumentSources.TryGetValue(instrument.Id, out var source) ? source : Localize(instrument.Name);
            foreach (var item in instrument.Items)
                Codes.TryAdd(item.Code, item.Label);
            foreach (var indicator in instrument.Indicators)
            {
                Codes.TryAdd(indicator.Code, Localize(indicator.Label));
                foreach (var band in indicator.Bands)
                    Codes.TryAdd(band.Grade, band.Label);
            }
        }
    }

    /// <summary>Domain labels in Chinese throughout: the Barthel index by its Chinese name.</summary>
    public static string Localize(string text) => text.Replace("Barthel", "巴塞尔", StringComparison.Ordinal);

    /// <summary>A trace step's clause: an article as cited ("ZJ 二(三)"), an instrument's source in Chinese.</summary>
    public static string Clause(string clause) => Clauses.TryGetValue(clause, out var name) ? name : clause;

    public static string Rule(string rule) => Rules.TryGetValue(rule, out var name) ? name : rule;

    public static string Unit(string unit) => Units.TryGetValue(unit, out var name) ? name : unit;

    public static string Error(string? code) => code is not null && Errors.TryGetValue(code, out var name) ? name : code ?? string.Empty;

    /// <summary>A code found in a value (a reason, a mode, a payer...), or the text itself when it is not a code.</summary>
    public static string Code(string text) =>
        Codes.TryGetValue(text, out var name) ? name : LtcInsurance.Domain.Policies.CityRegistry.Current.Find(text)?.NameZh ?? text;

    /// <summary>Whether <see cref="Code"/> knows this code.</summary>
    public static bool IsKnownCode(string text) =>
        Codes.ContainsKey(text) || LtcInsurance.Domain.Policies.CityRegistry.Current.Find(text) is not null;

    /// <summary>A trace key or a contract field; a parameter name through <paramref name="parameters"/>; else a code.</summary>
    public static string Key(string key, IReadOnlyDictionary<string, string>? parameters = null)
    {
        if (Keys.TryGetValue(key, out var name))
            return name;
        if (parameters is not null && parameters.TryGetValue(key, out var label))
            return label;
        return Code(key);
    }

    /// <summary>The grade of an indicator in the words of the instrument that gave it.</summary>
    public static string Grade(string instrumentId, string indicator, string grade)
    {
        if (AssessmentInstrument.BuiltInIds.Contains(instrumentId)
            && AssessmentInstrument.BuiltInTable(instrumentId).Indicators.FirstOrDefault(i => i.Code == indicator) is { } found
            && found.Bands.FirstOrDefault(b => b.Grade == grade) is { } band)
            return band.Label;
        return Code(grade);
    }
}
