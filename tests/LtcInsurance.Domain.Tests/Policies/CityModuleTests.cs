using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>Each shipped city module declares everything a city is (issue #10 item 4), consistently with its scheme.</summary>
public sealed class CityModuleTests
{
    public static TheoryData<string> Cities => [.. CityRegistry.BuiltIn.TenantIds];

    private static ICityModule Module(string id) => CityRegistry.BuiltIn.Get(id);

    [Fact]
    public void The_registry_ships_the_five_cities_and_tenant_ids_come_from_it()
    {
        Assert.Equal([TenantIds.Zhenjiang, TenantIds.Shishi, TenantIds.Jining, TenantIds.Yuzhong, TenantIds.Yulin], CityRegistry.BuiltIn.TenantIds);
        Assert.Equal(CityRegistry.BuiltIn.TenantIds, TenantIds.All);
        Assert.Equal(CityRegistry.BuiltIn.TenantIds.Order(), PolicyCalculator.Schemes.Keys.Order());
        Assert.Equal(CityRegistry.BuiltIn.TenantIds.Order(), PolicyCalculator.DefaultParameters.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void Names_and_scheme_belong_to_the_city(string id)
    {
        var module = Module(id);
        Assert.Equal(id, module.TenantId);
        Assert.Equal(id, module.Scheme.Tenant);
        Assert.True(CityRegistry.IsWellFormedId(id));
        Assert.Contains(module.NameZh, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.False(string.IsNullOrWhiteSpace(module.NameEn));
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void The_billing_cycle_is_declared_with_its_clause_and_reads_the_example_period(string id)
    {
        var module = Module(id);
        Assert.Equal(id, module.BillingCycle.Tenant);
        Assert.False(string.IsNullOrWhiteSpace(module.BillingCycle.Clause));
        Assert.Same(module.BillingCycle, BillingCycle.For(id));
        Assert.Equal(module.BillingCycle.Yearly, module.BillingCycle.Period(module.Example.ContributionPeriod).IsYear);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void Regions_are_named_the_city_first_and_inside_the_scheme_area(string id)
    {
        var module = Module(id);
        Assert.NotEmpty(module.Regions);
        Assert.True(module.Regions[0].InScheme);
        Assert.All(module.Regions, r => Assert.Matches("^[0-9]{6}$", r.Code));
        Assert.All(module.Regions, r => Assert.False(string.IsNullOrWhiteSpace(r.Name)));
        Assert.Equal(module.Regions.Count, module.Regions.Select(r => r.Code).Distinct().Count());
        Assert.All(module.Regions, r => Assert.Equal(r.Name, RegionCodes.NameOf(r.Code)));
        var area = Definition(module, CommonParameters.SchemeAreaCodes).ValueOn(module.SchemeStart)?.Value as IReadOnlyList<string>;
        Assert.NotNull(area);
        // The districts and counties are inside the scheme area; the city-level code heads the list even where only some
        // counties are in the pilot (Jining).
        var codes = module.SchemeRegionCodes();
        Assert.All(codes.Count > 1 ? codes.Skip(1) : codes,
            code => Assert.Contains(area, prefix => code.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void The_chart_is_the_standard_one_with_a_sub_ledger_per_declared_region(string id)
    {
        var module = Module(id);
        Assert.All(module.LedgerRegions, code => Assert.Contains(module.Regions, r => r.Code == code && r.InScheme));
        var chart = module.Chart();
        Assert.All(chart, a => Assert.Equal(id, a.TenantId));
        var codes = chart.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var city = StandardChart.For(id);
        Assert.All(city, a => Assert.Contains(a.Code, codes));
        Assert.Equal(city.Count * (1 + module.LedgerRegions.Count), chart.Count);
        foreach (var region in module.LedgerRegions)
            Assert.All(city, a => Assert.Contains(Account.RegionAccountCode(a.Code, region), codes));
        Assert.Equal(module.LedgerRegions.Count == 0, StandardChart.DefaultRegions(id) is null);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void The_agency_fee_ceiling_is_the_one_the_scheme_parameters_carry(string id)
    {
        var module = Module(id);
        var resolved = AgencyFeeCeilingParameters.Resolve(module.Scheme.Parameters, module.SchemeStart);
        Assert.Equal(module.AgencyFeeCeiling, resolved);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void The_scheme_start_agrees_with_the_scheme_where_the_scheme_dates_it(string id)
    {
        var module = Module(id);
        Assert.True(module.SchemeStart.Year >= 2016);
        if (Definition(module, CommonParameters.SchemeStart).ValueOn(DateOnly.MaxValue)?.Value is DateOnly start)
            Assert.Equal(start, module.SchemeStart);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void The_example_is_inside_the_scheme_in_place_and_time(string id)
    {
        var example = Module(id).Example;
        Assert.Contains(Module(id).SchemeRegionCodes(), code => code == example.RegionCode);
        Assert.True(example.AsOf >= Module(id).SchemeStart);
        Assert.True(Month.TryParse(example.Month, out var month), example.Month);
        Assert.True(month.LastDay >= Module(id).SchemeStart);
        Assert.True(example.Level is null or >= 0 and <= 6);
        Assert.True(Enum.IsDefined(example.SettlementMode));
    }

    [Fact]
    public void A_registry_refuses_a_duplicate_a_malformed_id_and_a_scheme_of_another_city()
    {
        var zhenjiang = Module(TenantIds.Zhenjiang);
        Assert.Throws<ArgumentException>(() => new CityRegistry([zhenjiang, zhenjiang]));
        Assert.Throws<ArgumentException>(() => new CityRegistry([new Renamed(zhenjiang, "Zhen-jiang")]));
        Assert.Throws<ArgumentException>(() => new CityRegistry([new Renamed(zhenjiang, "other")]));
    }

    [Fact]
    public void A_scoped_registry_is_current_until_disposed_then_the_built_in_one_again()
    {
        var extra = new Renamed(Module(TenantIds.Yulin), TenantIds.Yulin);
        using (CityRegistry.Use(new CityRegistry([extra])))
        {
            Assert.Equal([TenantIds.Yulin], TenantIds.All);
            Assert.Throws<PolicyException>(() => BillingCycle.For(TenantIds.Jining));
        }

        Assert.Same(CityRegistry.BuiltIn, CityRegistry.Current);
        Assert.Equal(5, TenantIds.All.Count);
    }

    private static ParameterDefinition Definition(ICityModule module, string name) =>
        module.Scheme.Parameters.Single(p => p.Name == name);

    /// <summary>A module with another id over the same declarations (to try the registry's checks).</summary>
    private sealed class Renamed(ICityModule inner, string id) : ICityModule
    {
        public string TenantId => id;
        public string NameZh => inner.NameZh;
        public string NameEn => inner.NameEn;
        public CityScheme Scheme => inner.Scheme;
        public BillingCycle BillingCycle => inner.BillingCycle;
        public DateOnly SchemeStart => inner.SchemeStart;
        public IReadOnlyList<CityRegion> Regions => inner.Regions;
        public IReadOnlyList<string> LedgerRegions => inner.LedgerRegions;
        public AgencyFeeCeilingRule? AgencyFeeCeiling => inner.AgencyFeeCeiling;
        public CityExample Example => inner.Example;
        public IReadOnlyList<Account> Chart() => inner.Chart();
    }
}
