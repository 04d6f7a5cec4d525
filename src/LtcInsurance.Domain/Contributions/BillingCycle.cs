using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// How often a city bills contributions, declared by its module (<see cref="ICityModule.BillingCycle"/>): yearly per
/// person (e.g. ZJ 二(三)) or monthly with medical insurance (YL 二(三)1).
/// </summary>
public sealed record BillingCycle(string Tenant, bool Yearly, string Clause)
{
    /// <summary>The cycle <paramref name="tenant"/>'s module declares (<see cref="CityRegistry.Current"/>).</summary>
    public static BillingCycle For(string tenant) =>
        CityRegistry.Current.Find(tenant)?.BillingCycle
        ?? throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenant}，无法确定缴费周期");

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
