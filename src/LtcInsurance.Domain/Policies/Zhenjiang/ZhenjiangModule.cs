using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Zhenjiang;

/// <summary>镇江市: employees and residents, yearly funding per person, one fund pooled city-wide (ZJ 二(一)).</summary>
public sealed class ZhenjiangModule : CityModule
{
    public override string TenantId => TenantIds.Zhenjiang;

    public override string NameZh => "镇江市";

    public override string NameEn => "Zhenjiang";

    public override CityScheme Scheme { get; } = new ZhenjiangScheme();

    /// <summary>ZJ 二(三): funded per person per year.</summary>
    public override BillingCycle BillingCycle { get; } = new(TenantIds.Zhenjiang, Yearly: true, "ZJ 二(三)");

    /// <summary>ZJ 文末: in force from 2023-10-01.</summary>
    public override DateOnly SchemeStart => new(2023, 10, 1);

    /// <summary>江苏省镇江市, its districts and county-level cities: all in the scheme.</summary>
    public override IReadOnlyList<CityRegion> Regions { get; } =
    [
        new("321100", "镇江市"),
        new("321102", "京口区"),
        new("321111", "润州区"),
        new("321112", "丹徒区"),
        new("321181", "丹阳市"),
        new("321182", "扬中市"),
        new("321183", "句容市"),
    ];

    public override CityExample Example { get; } =
        new("321102", new DateOnly(2024, 3, 1), "2024-03", ServiceMode.Home, Level: 3, ContributionPeriod: "2024");
}
