using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// How often a city bills contributions. The yearly cities fund per person per year (ZJ 二(三), SS 二(三), JN 二,
/// YZ 二); Yulin collects monthly together with medical insurance (YL 二(三)1, digest interpretation 10).
/// </summary>
public sealed record BillingCycle(string Tenant, bool Yearly, string Clause)
{
    private static readonly Dictionary<string, BillingCycle> Cycles = new(StringComparer.Ordinal)
    {
        [TenantIds.Zhenjiang] = new(TenantIds.Zhenjiang, true, "ZJ 二(三)"),
        [TenantIds.Shishi] = new(TenantIds.Shishi, true, "SS 二(三)"),
        [TenantIds.Jining] = new(TenantIds.Jining, true, "JN 二"),
        [TenantIds.Yuzhong] = new(TenantIds.Yuzhong, true, "YZ 二、三"),
        [TenantIds.Yulin] = new(TenantIds.Yulin, false, "YL 二(三)1"),
    };

    public static BillingCycle For(string tenant) =>
        Cycles.TryGetValue(tenant, out var cycle)
            ? cycle
            : throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenant}，无法确定缴费周期");

    /// <summary>Parses a period written in this city's unit: "2027" for a yearly city, "2027-03" for Yulin.</summary>
    public ContributionPeriod Period(string text)
    {
        if (!ContributionPeriod.TryParse(text, out var period) || period.IsYear != Yearly)
        {
            var expected = Yearly ? "按年缴费，期间应写作 YYYY（例如 2027）" : "按月缴费，期间应写作 YYYY-MM（例如 2027-03）";
            throw new PolicyException(ErrorCodes.InvalidInput, $"缴费期间「{text}」无效：本市{expected}（依据 {Clause}）");
        }

        return period;
    }
}
