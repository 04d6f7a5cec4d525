namespace LtcInsurance.Domain.Tenants;

/// <summary>Identifiers of the five first tenants; used as tenant_id values and in `ltc calc`.</summary>
public static class TenantIds
{
    public const string Zhenjiang = "zhenjiang";
    public const string Shishi = "shishi";
    public const string Jining = "jining";
    public const string Yuzhong = "yuzhong";
    public const string Yulin = "yulin";

    public static readonly IReadOnlyList<string> All = [Zhenjiang, Shishi, Jining, Yuzhong, Yulin];
}
