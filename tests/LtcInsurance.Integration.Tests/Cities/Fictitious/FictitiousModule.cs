using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Integration.Tests.Cities.Fictitious;

/// <summary>
/// A sixth city that exists only in this test folder: 虚构市, with made-up division codes (99xxxx is no province), books
/// split by its two districts, yearly billing. Registered for a test through <see cref="CityRegistry.Use"/>; nothing
/// outside this folder names it.
/// </summary>
/// <param name="id">The tenant id (default <see cref="Id"/>); another one lets a second test open the same city afresh.</param>
public sealed class FictitiousModule(string id = FictitiousModule.Id) : CityModule
{
    public const string Id = "fictitious";

    public static readonly DateOnly Start = new(2029, 1, 1);

    public override string TenantId => id;

    public override string NameZh => "虚构市";

    public override string NameEn => "Fictitious City";

    public override CityScheme Scheme { get; } = new FictitiousScheme(id);

    public override BillingCycle BillingCycle { get; } = new(id, Yearly: true, "FX 二（测试）");

    public override DateOnly SchemeStart => Start;

    public override IReadOnlyList<CityRegion> Regions { get; } =
    [
        new("990100", "虚构市"),
        new("990101", "东城区"),
        new("990102", "西城区"),
    ];

    public override IReadOnlyList<string> LedgerRegions { get; } = ["990101", "990102"];

    public override CityExample Example { get; } =
        new("990101", new DateOnly(2030, 6, 1), "2030-06", ServiceMode.Institution, Level: null, ContributionPeriod: "2030");
}
