namespace LtcInsurance.Domain.Enrollment;

/// <summary>Chinese wording of the engine's eligibility reason codes, for refusals shown to clerks.</summary>
public static class RefusalReasons
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["scheme_not_in_force"] = "制度尚未施行",
        ["outside_scheme_area"] = "不在制度覆盖地区",
        ["no_medical_insurance"] = "未参加基本医疗保险",
        ["work_injury_care_allowance"] = "已享受工伤保险生活护理费，不重复享受",
        ["flexible_choice_mismatch"] = "所选险种与其医保参保类型不一致",
        ["resident_outside_covered_county"] = "居民医保参保人不在居民长护险覆盖的县（市、区）",
        ["not_in_covered_group"] = "不属于试点覆盖的特殊群体",
        ["employee_not_in_resident_pilot"] = "试点只覆盖城乡居民医保参保人",
        ["not_employee_medical_insurance"] = "只覆盖职工医保参保人",
        ["resident_scheme_not_started"] = "未就业城乡居民长护险尚未启动（启动日期另行确定），暂不能参保",
        ["guardian_not_insured"] = "未成年人的父母或其他法定抚养人未参保，不视同参保",
    };

    public static string Chinese(string reason) => Texts.TryGetValue(reason, out var text) ? text : reason;
}
