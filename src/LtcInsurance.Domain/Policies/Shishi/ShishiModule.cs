using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Shishi;

/// <summary>石狮市: special groups only, fully publicly funded, yearly; the county-level city is the whole scheme.</summary>
public sealed class ShishiModule : CityModule
{
    public override string TenantId => TenantIds.Shishi;

    public override string NameZh => "石狮市";

    public override string NameEn => "Shishi";

    public override CityScheme Scheme { get; } = new ShishiScheme();

    /// <summary>SS 二(三): funded per person per year.</summary>
    public override BillingCycle BillingCycle { get; } = new(TenantIds.Shishi, Yearly: true, "SS 二(三)");

    /// <summary>SS 二(五)1: qualified doctors, nurses and others (个体服务人员) may provide care under a service agreement.</summary>
    public override string? IndividualProvidersClause => "SS 二(五)1";

    /// <summary>SS 文末: in force from 2020-10-01.</summary>
    public override DateOnly SchemeStart => new(2020, 10, 1);

    /// <summary>福建省泉州市石狮市.</summary>
    public override IReadOnlyList<CityRegion> Regions { get; } = [new("350581", "石狮市")];

    /// <summary>The example person belongs to a covered group (特困), since only those groups are insured (SS 二(一)).</summary>
    public override CityExample Example { get; } =
        new("350581", new DateOnly(2021, 3, 1), "2021-03", ServiceMode.Home, Level: null, ContributionPeriod: "2021",
            ResidentInDifficulty: true);
}
