using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Yulin;

/// <summary>玉林市: collected monthly with medical insurance, one fund city-wide (YL 三(四)), agency fees within 5%.</summary>
public sealed class YulinModule : CityModule
{
    /// <summary>YL 三(六): agency service fees, assessment fees included, within 5% of the year's premium.</summary>
    public static readonly AgencyFeeCeilingRule FeeCeiling = new(0.05m, IncludesAssessmentFees: true, Binding: true, "YL 三(六)");

    public override string TenantId => TenantIds.Yulin;

    public override string NameZh => "玉林市";

    public override string NameEn => "Yulin";

    public override CityScheme Scheme { get; } = new YulinScheme();

    /// <summary>YL 二(三)1: collected monthly together with medical insurance (digest interpretation 10).</summary>
    public override BillingCycle BillingCycle { get; } = new(TenantIds.Yulin, Yearly: false, "YL 二(三)1");

    /// <summary>YL 文末: in force from 2027-01-01.</summary>
    public override DateOnly SchemeStart => new(2027, 1, 1);

    /// <summary>广西壮族自治区玉林市, its districts and counties: all in the scheme.</summary>
    public override IReadOnlyList<CityRegion> Regions { get; } =
    [
        new("450900", "玉林市"),
        new("450902", "玉州区"),
        new("450903", "福绵区"),
        new("450921", "容县"),
        new("450922", "陆川县"),
        new("450923", "博白县"),
        new("450924", "兴业县"),
        new("450981", "北流市"),
    ];

    public override AgencyFeeCeilingRule? AgencyFeeCeiling => FeeCeiling;

    /// <summary>YL 二(三)（续）: with the retiree's consent, the pension office may withhold the contribution from the pension.</summary>
    public override string? PensionWithholdingClause => "YL 二(三)（续）";

    /// <summary>
    /// Monthly contribution on a wage; the settlement example needs the previous year's published disposable income per
    /// capita, which the document leaves to each year (the yearly ceiling is half of it).
    /// </summary>
    public override CityExample Example { get; } =
        new("450902", new DateOnly(2027, 6, 30), "2027-06", ServiceMode.Institution, Level: 4, ContributionPeriod: "2027-03",
            MonthlyWage: 20188.41m,
            SettlementParameters: new Dictionary<string, decimal> { ["previousYearDisposableIncomePerCapita"] = 36000m });
}
