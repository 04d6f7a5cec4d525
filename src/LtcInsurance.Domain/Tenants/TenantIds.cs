namespace LtcInsurance.Domain.Tenants;

/// <summary>
/// Identifiers of the five first tenants; used as tenant_id values and in `ltc calc`. The names stay for code that
/// means one city; the list of cities is the registry's (<see cref="Policies.CityRegistry"/>).
/// </summary>
public static class TenantIds
{
    public const string Zhenjiang = "zhenjiang";
    public const string Shishi = "shishi";
    public const string Jining = "jining";
    public const string Yuzhong = "yuzhong";
    public const string Yulin = "yulin";

    /// <summary>Every registered city's tenant id (<see cref="Policies.CityRegistry.Current"/>).</summary>
    public static IReadOnlyList<string> All => Policies.CityRegistry.Current.TenantIds;
}
