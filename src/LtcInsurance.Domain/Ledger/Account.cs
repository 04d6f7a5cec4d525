using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// An account of a tenant's fund books. Codes are unique per tenant; a region sub-account
/// (e.g. a Yuzhong district, YZ 四(五) "accounted per district") has the code <c>{parent}@{region}</c>.
/// </summary>
public sealed record Account : ITenantOwned
{
    public Account(string tenantId, string code, string name, AccountType type, string? regionCode = null)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
            throw new LedgerRuleException(LedgerRules.MissingField, "账户缺少租户 / account without tenant");
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
            throw new LedgerRuleException(LedgerRules.MissingField, "账户代码无效 / invalid account code");
        if (string.IsNullOrWhiteSpace(name))
            throw new LedgerRuleException(LedgerRules.MissingField, "账户名称为空 / account without name");
        if (regionCode is not null && (regionCode.Length is 0 or > 32 || regionCode.Contains('@', StringComparison.Ordinal)))
            throw new LedgerRuleException(LedgerRules.MissingField, "地区代码无效 / invalid region code");
        TenantId = tenantId;
        Code = code;
        Name = name;
        Type = type;
        RegionCode = regionCode;
    }

    public string TenantId { get; }
    public string Code { get; }
    public string Name { get; }
    public AccountType Type { get; }
    public string? RegionCode { get; }

    /// <summary>The code this account was split from, or its own code when it is not a region sub-account.</summary>
    public string ParentCode => RegionCode is null ? Code : Code[..Code.LastIndexOf('@')];

    /// <summary>Splits this account for a region: same type, code <c>{code}@{region}</c>, name with the region.</summary>
    public Account ForRegion(string regionCode, string regionName)
    {
        if (RegionCode is not null)
            throw new LedgerRuleException(LedgerRules.MissingField, "地区子账户不能再拆分 / a region account cannot be split again");
        return new Account(TenantId, RegionAccountCode(Code, regionCode), $"{Name}（{regionName}）", Type, regionCode);
    }

    public static string RegionAccountCode(string code, string regionCode) => $"{code}@{regionCode}";
}
