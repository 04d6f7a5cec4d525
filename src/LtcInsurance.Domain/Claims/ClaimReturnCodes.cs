namespace LtcInsurance.Domain.Claims;

/// <summary>
/// What a return code does to a claim: <see cref="Refuse"/> (返戻) refuses the whole submission, nothing is stored and the
/// provider corrects and resubmits; <see cref="Cut"/> (查定) keeps the line, which the fund does not pay (the engine's
/// screening gives it no fund money and says why), and the provider sees the code beside the line.
/// </summary>
public enum ReturnSeverity
{
    Refuse,
    Cut,
}

/// <summary>One entry of the published return-code catalogue: stable code, Chinese text, the clause it rests on.</summary>
public sealed record ClaimReturnCode(string Code, string Text, string Clause, ReturnSeverity Severity);

/// <summary>
/// The published catalogue of claim return codes (结算申报退回代码), modelled on the national 经办规程 (医保办发〔2024〕22号:
/// 结算申报 → 费用初审 → 费用复核 → 费用拨付) and the cities' settlement clauses. Codes are stable: pages, the file upload's
/// error report and the REST API's problem+json carry them.
/// </summary>
public static class ClaimReturnCodes
{
    public const string NotEntitled = "not_entitled";
    public const string NoEntitlement = "no_entitlement";
    public const string UnknownPerson = "unknown_person";
    public const string ModeNotAllowed = "mode_not_allowed";
    public const string OtherProviderAssigned = "other_provider_assigned";
    public const string OutsideCarePlan = "outside_care_plan";
    public const string DuringHospitalStay = "during_hospital_stay";
    public const string DuplicateLine = "duplicate_line";
    public const string DayOutsideMonth = "day_outside_month";
    public const string InstitutionCareClaimedElsewhere = "institution_care_claimed_elsewhere";
    public const string CareWorkerUnknown = "care_worker_unknown";
    public const string CareWorkerUnqualified = "care_worker_unqualified";
    public const string CareWorkerSanctioned = "care_worker_sanctioned";
    public const string ProviderSanctioned = "provider_sanctioned";
    public const string UnknownItem = "unknown_item";
    public const string AmountAbovePrice = "amount_above_price";
    public const string InvalidQuantity = "invalid_quantity";
    public const string InvalidAmount = "invalid_amount";

    // reviewers' codes (初审/复核 退回): not raised by the automatic checks
    public const string SupportingDocumentsMissing = "documents_missing";
    public const string ServiceNotVerified = "service_not_verified";
    public const string ChargeNotReasonable = "charge_not_reasonable";

    private const string Rules = "医保办发〔2024〕22号（长期护理保险经办规程：结算申报、费用审核）";

    public static IReadOnlyList<ClaimReturnCode> All { get; } =
    [
        new(UnknownPerson, "服务对象不在本市参保人员名册中", Rules, ReturnSeverity.Refuse),
        new(NoEntitlement, "服务对象在该月没有长期护理保险待遇资格", Rules, ReturnSeverity.Refuse),
        new(NotEntitled, "服务当日不在服务对象的待遇享受期内（该明细基金不予支付）", Rules, ReturnSeverity.Cut),
        new(ModeNotAllowed, "服务对象的护理服务方式不在本机构协议准入的服务方式内", "定点护理服务机构协议（服务方式准入）", ReturnSeverity.Refuse),
        new(OtherProviderAssigned, "服务对象已由其他定点护理服务机构提供服务（派单机构不是本机构）", Rules, ReturnSeverity.Refuse),
        new(OutsideCarePlan, "服务项目不在服务对象已确认的护理服务计划内", Rules, ReturnSeverity.Refuse),
        new(DuringHospitalStay, "服务当日服务对象处于住院期间（该明细基金不予支付）", "SS 二(五)4(3)、YL 二(四)5（住院期间暂停待遇）", ReturnSeverity.Cut),
        new(DuplicateLine, "重复申报：同一服务对象、同一日期、同一服务项目已有明细", Rules, ReturnSeverity.Refuse),
        new(DayOutsideMonth, "服务日期不在申报月份内", Rules, ReturnSeverity.Refuse),
        new(InstitutionCareClaimedElsewhere, "同一日期已有其他机构为该服务对象申报机构护理", Rules, ReturnSeverity.Refuse),
        new(CareWorkerUnknown, "护理服务人员未在本机构实名登记或已停用", "SS 二(五)1（护理服务人员实名管理）", ReturnSeverity.Refuse),
        new(CareWorkerUnqualified, "护理服务人员不具备该服务项目要求的资质", "SS 二(五)1（护理服务人员资质）", ReturnSeverity.Refuse),
        new(CareWorkerSanctioned, "护理服务人员在服务当日处于处理（暂停/禁入）期内", "定点护理服务机构协议（违规处理）", ReturnSeverity.Refuse),
        new(ProviderSanctioned, "本机构在服务当日处于处理（暂停/禁入）期内或协议未生效", "定点护理服务机构协议（违规处理）", ReturnSeverity.Refuse),
        new(UnknownItem, "服务项目编码不在服务当日有效的服务项目目录中", "本市长期护理保险服务项目目录；医保办函〔2025〕28号（服务项目编码）", ReturnSeverity.Refuse),
        new(AmountAbovePrice, "申报金额高于目录价格乘以数量", "本市长期护理保险服务项目目录（价格）", ReturnSeverity.Refuse),
        new(InvalidQuantity, "数量须大于零", Rules, ReturnSeverity.Refuse),
        new(InvalidAmount, "金额须不小于零且最多两位小数", Rules, ReturnSeverity.Refuse),
        new(SupportingDocumentsMissing, "服务记录或佐证材料不全", Rules, ReturnSeverity.Refuse),
        new(ServiceNotVerified, "服务真实性核验未通过", Rules, ReturnSeverity.Refuse),
        new(ChargeNotReasonable, "费用不合理", Rules, ReturnSeverity.Refuse),
    ];

    private static readonly Dictionary<string, ClaimReturnCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static ClaimReturnCode Get(string code) =>
        ByCode.TryGetValue(code, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(code), code, "未知的退回代码");
}

/// <summary>A problem of one line (line number as the provider numbered it; 0 for the claim as a whole).</summary>
public sealed record ClaimProblem(int LineNo, string Code, string Message)
{
    public ReturnSeverity Severity => ClaimReturnCodes.Get(Code).Severity;

    public static ClaimProblem Of(int lineNo, string code, string? detail = null)
    {
        var entry = ClaimReturnCodes.Get(code);
        return new ClaimProblem(lineNo, code, detail is null ? entry.Text : $"{entry.Text}（{detail}）");
    }
}
