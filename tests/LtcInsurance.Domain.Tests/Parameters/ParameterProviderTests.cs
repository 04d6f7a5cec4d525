using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Tests.Parameters;

public class ParameterProviderTests
{
    private static readonly DateOnly Jan2027 = new(2027, 1, 1);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> Defaults =
        new Dictionary<string, IReadOnlyList<ParameterDefinition>>
        {
            ["t"] =
            [
                new ParameterDefinition("rate", ParameterKind.Ratio, "ratio", "X 一", "费率", [new DatedValue(Jan2027, 0.10m), new DatedValue(new DateOnly(2028, 1, 1), 0.12m)]),
                ParameterDefinition.WithoutValue("standard", ParameterKind.Amount, "yuan", "X 二(三)", "筹资标准"),
            ],
        };

    [Fact]
    public void Value_in_force_is_the_one_with_the_latest_effective_date_on_or_before_the_day()
    {
        var provider = new LayeredParameterProvider(Defaults, new ParameterOverrides());
        Assert.Equal(0.10m, provider.Resolve("t", "rate", new DateOnly(2027, 12, 31)).Number);
        Assert.Equal(0.12m, provider.Resolve("t", "rate", new DateOnly(2028, 1, 1)).Number);
    }

    [Fact]
    public void Tenant_override_is_layered_over_the_default_from_its_date()
    {
        var overrides = new ParameterOverrides().Set("t", "rate", new DateOnly(2027, 7, 1), 0.11m);
        var provider = new LayeredParameterProvider(Defaults, overrides);
        Assert.Equal(0.10m, provider.Resolve("t", "rate", new DateOnly(2027, 6, 30)).Number);
        var july = provider.Resolve("t", "rate", new DateOnly(2027, 7, 1));
        Assert.Equal((0.11m, ParameterSource.Tenant), (july.Number, july.Source));
        Assert.Equal(0.12m, provider.Resolve("t", "rate", new DateOnly(2028, 2, 1)).Number);
    }

    [Fact]
    public void Declared_parameter_without_value_fails_with_parameter_missing_naming_it_and_its_clause()
    {
        var provider = new LayeredParameterProvider(Defaults, new ParameterOverrides());
        var error = Assert.Throws<PolicyException>(() => provider.Resolve("t", "standard", Jan2027));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains("standard", error.Message, StringComparison.Ordinal);
        Assert.Contains("X 二(三)", error.Message, StringComparison.Ordinal);
        Assert.Contains("筹资标准", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_merges_the_tenants_dated_values_into_the_definition()
    {
        var overrides = new ParameterOverrides().Set("t", "standard", Jan2027, 100m);
        var provider = new LayeredParameterProvider(Defaults, overrides);
        var standard = provider.Definitions("t").Single(d => d.Name == "standard");
        Assert.Equal(2, standard.Values.Count);
        Assert.Equal(100m, provider.Resolve("t", "standard", Jan2027).Number);
    }

    [Fact]
    public void Unknown_tenant_is_refused()
    {
        var provider = new LayeredParameterProvider(Defaults, new ParameterOverrides());
        Assert.Equal(ErrorCodes.UnknownTenant, Assert.Throws<PolicyException>(() => provider.Resolve("nowhere", "rate", Jan2027)).Code);
    }

    [Fact]
    public void Scope_prefers_case_values_and_records_what_it_used()
    {
        var provider = new LayeredParameterProvider(Defaults, new ParameterOverrides());
        var scope = new ParameterScope(provider, "t", new Dictionary<string, object?> { ["standard"] = 380m });
        Assert.Equal(380m, scope.Get("standard", Jan2027).Number);
        Assert.Equal(0.10m, scope.Get("rate", Jan2027).Number);
        Assert.Equal(["standard", "rate"], scope.Used.Select(p => p.Name));
    }

    [Fact]
    public void Every_shipped_parameter_has_a_clause_a_chinese_label_and_a_unit()
    {
        foreach (var (tenant, definitions) in PolicyCalculator.DefaultParameters)
        {
            Assert.NotEmpty(definitions);
            Assert.Equal(definitions.Count, definitions.Select(d => d.Name).Distinct().Count());
            Assert.All(definitions, d =>
            {
                Assert.Matches("^(ZJ|SS|JN|YZ|YL) ", d.Clause);
                Assert.Contains(d.Label, c => c >= '\u4e00' && c <= '\u9fff');
                Assert.False(string.IsNullOrWhiteSpace(d.Unit), $"{tenant}.{d.Name}");
            });
        }
    }

    [Theory]
    [InlineData("zhenjiang", "employeeIndividualShare")]
    [InlineData("zhenjiang", "fundRatio.home")]
    [InlineData("shishi", "fundRatio.institution")]
    [InlineData("yuzhong", "individualShare")]
    [InlineData("yuzhong", "perDiem.institution")]
    [InlineData("yulin", "residentIndividualAmount")]
    [InlineData("yulin", "previousYearDisposableIncomePerCapita")]
    public void Figures_left_to_local_rules_ship_without_a_value(string tenant, string name)
    {
        var definition = new PolicyCalculator().ListParameters(tenant).Single(d => d.Name == name);
        Assert.All(definition.Values, v => Assert.Null(v.Value));
    }
}
