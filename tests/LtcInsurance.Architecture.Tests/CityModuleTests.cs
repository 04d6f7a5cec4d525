using System.Text.RegularExpressions;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Architecture.Tests;

/// <summary>A city is declared in its module and nowhere else (issue #10 item 4).</summary>
public sealed partial class CityModuleTests
{
    public static TheoryData<string> Modules => [.. CityRegistry.BuiltIn.Modules.Select(m => m.GetType().Name)];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_city_module_lives_in_its_own_city_folder(string typeName)
    {
        var module = CityRegistry.BuiltIn.Modules.Single(m => m.GetType().Name == typeName);
        var city = typeName[..^"Module".Length];
        Assert.Equal($"LtcInsurance.Domain.Policies.{city}", module.GetType().Namespace);
        Assert.True(File.Exists(Repository.PathOf("src", "LtcInsurance.Domain", "Policies", city, typeName + ".cs")),
            $"src/LtcInsurance.Domain/Policies/{city}/{typeName}.cs is missing");
        Assert.Equal(city.ToLowerInvariant(), module.TenantId);
    }

    [Fact]
    public void No_source_outside_the_tenant_id_constants_spells_a_tenant_id()
    {
        // Code that needs one city names it through TenantIds; lists of cities come from the registry.
        var ids = CityRegistry.BuiltIn.TenantIds;
        var offenders = Repository.SourceFiles("src")
            .Where(f => f != "src/LtcInsurance.Domain/Tenants/TenantIds.cs")
            .SelectMany(f => File.ReadLines(Repository.PathOf(f))
                .Where(line => !CommentLine().IsMatch(line))
                .Where(line => ids.Any(id => line.Contains('"' + id + '"', StringComparison.Ordinal)))
                .Select(line => $"{f}: {line.Trim()}"))
            .ToList();
        Assert.True(offenders.Count == 0, "tenant ids spelled outside TenantIds:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"^\s*(//|@\*|\*)")]
    private static partial Regex CommentLine();
}
