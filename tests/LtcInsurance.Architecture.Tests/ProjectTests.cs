using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Architecture.Tests;

/// <summary>Rules about projects and documents that keep the tree honest.</summary>
public sealed class ProjectTests
{
    [Fact]
    public void Domain_tests_do_not_reference_the_cli()
    {
        var (projects, _) = Repository.References("tests/LtcInsurance.Domain.Tests/LtcInsurance.Domain.Tests.csproj");
        Assert.DoesNotContain("LtcInsurance.Cli", projects);
        Assert.DoesNotContain("LtcInsurance.Infrastructure", projects);
    }

    public static TheoryData<string> Cities => [.. TenantIds.All];

    [Theory]
    [MemberData(nameof(Cities))]
    public void Every_city_scheme_has_its_policy_notes_and_a_test_class(string city)
    {
        Assert.True(File.Exists(Repository.PathOf("docs", "policies", city + ".md")), $"docs/policies/{city}.md is missing");
        var className = char.ToUpperInvariant(city[0]) + city[1..] + "Tests";
        var declared = Repository.SourceFiles("tests/LtcInsurance.Domain.Tests")
            .Any(f => File.ReadAllText(Repository.PathOf(f)).Contains("class " + className, StringComparison.Ordinal));
        Assert.True(declared, $"no test class {className} in tests/LtcInsurance.Domain.Tests");
    }
}
