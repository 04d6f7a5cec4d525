using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Yuzhong;

/// <summary>
/// 重庆市渝中区: one district of the municipal scheme, yearly funding. The municipal fund is accounted per district
/// (YZ 四(五)); the tenant is that one district, so its books are not split further.
/// </summary>
public sealed class YuzhongModule : CityModule
{
    public override string TenantId => TenantIds.Yuzhong;

    public override string NameZh => "重庆市渝中区";

    public override string NameEn => "Yuzhong District, Chongqing";

    public override CityScheme Scheme { get; } = new YuzhongScheme();

    /// <summary>YZ 二、三: funded per person per year.</summary>
    public override BillingCycle BillingCycle { get; } = new(TenantIds.Yuzhong, Yearly: true, "YZ 二、三");

    /// <summary>YZ 四(一)1: the entrusted agency settles with 居家个人护理个体服务人员 too (YZ 四(四)).</summary>
    public override string? IndividualProvidersClause => "YZ 四(一)1";

    /// <summary>YZ 五(二): started in January 2022.</summary>
    public override DateOnly SchemeStart => new(2022, 1, 1);

    public override IReadOnlyList<CityRegion> Regions { get; } = [new("500103", "渝中区")];

    public override CityExample Example { get; } =
        new("500103", new DateOnly(2022, 3, 1), "2022-03", ServiceMode.Institution, Level: 3, ContributionPeriod: "2022");
}
