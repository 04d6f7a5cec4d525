using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Tests.Vocabulary;

public sealed class RegionCodesTests
{
    /// <summary>The districts and counties of the five pilot cities, and the cities the tenants table also lists.</summary>
    public static TheoryData<string, string> Divisions => new()
    {
        { "321100", "镇江市" }, { "321102", "京口区" }, { "321111", "润州区" }, { "321112", "丹徒区" },
        { "321181", "丹阳市" }, { "321182", "扬中市" }, { "321183", "句容市" },
        { "350581", "石狮市" },
        { "370800", "济宁市" }, { "370811", "任城区" }, { "370812", "兖州区" }, { "370826", "微山县" }, { "370827", "鱼台县" },
        { "370828", "金乡县" }, { "370829", "嘉祥县" }, { "370830", "汶上县" }, { "370831", "泗水县" }, { "370832", "梁山县" },
        { "370881", "曲阜市" }, { "370883", "邹城市" },
        { "500103", "渝中区" },
        { "450900", "玉林市" }, { "450902", "玉州区" }, { "450903", "福绵区" }, { "450921", "容县" }, { "450922", "陆川县" },
        { "450923", "博白县" }, { "450924", "兴业县" }, { "450981", "北流市" },
    };

    [Theory]
    [MemberData(nameof(Divisions))]
    public void Each_code_of_the_pilot_cities_has_its_name_and_a_label_with_both(string code, string name)
    {
        Assert.Equal(name, RegionCodes.NameOf(code));
        Assert.Equal($"{name}（{code}）", RegionCodes.Label(code));
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("3211")]
    [InlineData("abc")]
    public void An_unknown_code_has_no_name_and_is_shown_as_it_is(string code)
    {
        Assert.Null(RegionCodes.NameOf(code));
        Assert.Equal(code, RegionCodes.Label(code));
    }

    [Fact]
    public void Empty_input_gives_an_empty_label()
    {
        Assert.Null(RegionCodes.NameOf(null));
        Assert.Equal("", RegionCodes.Label(null));
        Assert.Equal("", RegionCodes.Label(""));
    }

    [Fact]
    public void The_ledger_regions_of_Jining_are_named_alike()
    {
        foreach (var (code, name) in StandardChart.DefaultRegions(TenantIds.Jining)!)
            Assert.Equal(name, RegionCodes.NameOf(code));
    }
}
