using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision;

/// <summary>A flag in the supervision queue, with the clause its rule cites and its evidence (JSON) for the claim screen.</summary>
public sealed record FlagRow(
    Guid Id, string RuleCode, string RuleName, string Status, Guid? ClaimId, string? ClaimNumber, int? LineNo, Guid? InstitutionId,
    string? ProviderName, DateOnly? ServiceMonth, string SubjectKind, Guid SubjectId, string Source, DateTimeOffset CreatedAt, string Clause,
    string EvidenceJson)
{
    public string StatusName => FlagOutcomes.ChineseName(Status);

    /// <summary>The evidence as name/value pairs an auditor reads.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Evidence => EvidenceLabels.Read(EvidenceJson);
}

/// <summary>One outcome an auditor recorded.</summary>
public sealed record FlagOutcomeView(string Outcome, string Note, string RecordedBy, DateTimeOffset RecordedAt)
{
    public string OutcomeName => FlagOutcomes.ChineseName(Outcome);
}

/// <summary>A flag opened: the rule, its clause, the evidence (JSON and as name/value pairs), and the outcomes so far.</summary>
public sealed record FlagDetail(FlagRow Flag, string Clause, string EvidenceJson, IReadOnlyList<KeyValuePair<string, string>> Evidence,
    IReadOnlyList<FlagOutcomeView> Outcomes, Guid? SanctionId, string CreatedBy);

/// <summary>The filters of the queue (all optional).</summary>
public sealed record FlagFilter(string? RuleCode, string? Status, Guid? InstitutionId, Guid? ClaimId, string? ProviderCode = null);

internal static class FlagQueries
{
    public static IQueryable<AnomalyFlag> Filtered(ILtcDbContext db, FlagFilter filter)
    {
        var flags = db.Set<AnomalyFlag>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.RuleCode))
            flags = flags.Where(f => f.RuleCode == filter.RuleCode);
        if (!string.IsNullOrWhiteSpace(filter.Status))
            flags = flags.Where(f => f.Status == filter.Status);
        if (filter.InstitutionId is { } provider)
            flags = flags.Where(f => f.InstitutionId == provider);
        if (filter.ClaimId is { } claim)
            flags = flags.Where(f => f.ClaimId == claim);
        if (!string.IsNullOrWhiteSpace(filter.ProviderCode))
        {
            var code = filter.ProviderCode.Trim();
            var providers = db.Institutions.Where(i => i.Code == code).Select(i => (Guid?)i.Id);
            flags = flags.Where(f => providers.Contains(f.InstitutionId));
        }
        return flags;
    }

    public static IQueryable<FlagRow> Rows(ILtcDbContext db, IQueryable<AnomalyFlag> flags) =>
        from f in flags
        join c in db.Set<Claim>().AsNoTracking() on f.ClaimId equals c.Id into claims
        from c in claims.DefaultIfEmpty()
        join i in db.Institutions.AsNoTracking() on f.InstitutionId equals i.Id into providers
        from i in providers.DefaultIfEmpty()
        orderby f.CreatedAt descending, f.Id
        select new FlagRow(f.Id, f.RuleCode, "", f.Status, f.ClaimId, c == null ? null : c.Number, f.LineNo, f.InstitutionId,
            i == null ? null : i.Name, f.ServiceMonth, f.SubjectKind, f.SubjectId, f.Source, f.CreatedAt, f.Clause, f.Evidence);

    public static FlagRow Named(FlagRow row) => row with { RuleName = AnomalyRules.Find(row.RuleCode)?.ChineseName ?? row.RuleCode };

    public static string SourceName(string source) => source switch
    {
        "submission" => "申报时筛查",
        "nightly" => "夜间筛查",
        "manual" => "手动筛查",
        _ => source,
    };
}

/// <summary>The evidence's keys as an auditor reads them.</summary>
internal static class EvidenceLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["day"] = "服务日期", ["admitted"] = "入院日期", ["discharged"] = "出院日期", ["amount"] = "明细金额", ["dateOfDeath"] = "死亡日期",
        ["daysAfterDeath"] = "死亡后天数", ["entitlementFrom"] = "待遇资格起始日", ["waitingUntil"] = "等待期截止日", ["itemCode"] = "服务项目",
        ["confirmedPlans"] = "已确认的护理计划数", ["providers"] = "机构数", ["claims"] = "申报单", ["month"] = "月份", ["careDays"] = "护理天数合计",
        ["daysInMonth"] = "当月天数", ["thisClaimDays"] = "本申报护理天数", ["careWorkerId"] = "护理人员", ["beneficiaries"] = "服务对象数",
        ["beneficiaryLimit"] = "服务对象上限", ["value"] = "本月数值", ["threshold"] = "阈值", ["historyMonths"] = "历史月数",
        ["historyMedian"] = "历史中位数", ["historyMad"] = "历史 MAD", ["historyZ"] = "相对历史 z 值", ["peers"] = "同类机构数",
        ["peerMedian"] = "同类中位数", ["peerMad"] = "同类 MAD", ["peerZ"] = "相对同类 z 值", ["assessor"] = "评估人员", ["agency"] = "评估机构",
        ["assessorId"] = "评估人员编号", ["cases"] = "结论数",
        ["level"] = "等级", ["atLevel"] = "该等级结论数", ["share"] = "占比", ["originalApplicationId"] = "原评估申请",
        ["originalLevel"] = "原结论等级", ["reviewLevel"] = "复评等级", ["change"] = "变化等级数",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Read(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(
            Labels.GetValueOrDefault(p.Name, p.Name),
            p.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => p.Value.GetString() ?? "",
                System.Text.Json.JsonValueKind.Null => "—",
                System.Text.Json.JsonValueKind.Array => string.Join("、", p.Value.EnumerateArray().Select(e => e.ToString())),
                _ => p.Value.GetRawText(),
            }))];
    }
}
