using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Jining;

/// <summary>济宁市: six pilot counties, yearly funding, books split per pilot county, agency fees about 2%.</summary>
public sealed class JiningModule : CityModule
{
    /// <summary>JN 六: agency fees about 2% of the year's total funding, as a guideline.</summary>
    public static readonly AgencyFeeCeilingRule FeeCeiling = new(0.02m, IncludesAssessmentFees: false, Binding: false, "JN 六");

    public override string TenantId => TenantIds.Jining;

    public override string NameZh => "济宁市";

    public override string NameEn => "Jining";

    public override CityScheme Scheme { get; } = new JiningScheme();

    /// <summary>JN 二: funded per person per year.</summary>
    public override BillingCycle BillingCycle { get; } = new(TenantIds.Jining, Yearly: true, "JN 二");

    /// <summary>JN 序言: the notice names only the year 2022; the team took 2022-01-01 (see JiningParameters).</summary>
    public override DateOnly SchemeStart => new(2022, 1, 1);

    /// <summary>山东省济宁市: the six pilot counties (JN 一) are in the scheme; the other counties are only named.</summary>
    public override IReadOnlyList<CityRegion> Regions { get; } =
    [
        new("370800", "济宁市"),
        new("370811", "任城区"),
        new("370812", "兖州区"),
        new("370881", "曲阜市"),
        new("370883", "邹城市"),
        new("370828", "金乡县"),
        new("370830", "汶上县"),
        new("370826", "微山县", InScheme: false),
        new("370827", "鱼台县", InScheme: false),
        new("370829", "嘉祥县", InScheme: false),
        new("370831", "泗水县", InScheme: false),
        new("370832", "梁山县", InScheme: false),
    ];

    /// <summary>
    /// The books are split by pilot county, because each county's fiscal share is its own (JN 一 pilot areas, JN 二
    /// "试点县（市、区）财政 … 5元").
    /// </summary>
    public override IReadOnlyList<string> LedgerRegions { get; } = ["370811", "370812", "370881", "370883", "370828", "370830"];

    public override AgencyFeeCeilingRule? AgencyFeeCeiling => FeeCeiling;

    public override CityExample Example { get; } =
        new("370811", new DateOnly(2023, 5, 31), "2023-05", ServiceMode.HomeMedical, Level: 3, ContributionPeriod: "2023");
}
