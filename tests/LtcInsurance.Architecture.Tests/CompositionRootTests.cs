using System.Reflection;
using System.Text.RegularExpressions;

namespace LtcInsurance.Architecture.Tests;

/// <summary>
/// Pages, endpoints and commands call use-case handlers through ISender; only the composition roots name
/// Infrastructure, EF Core or Npgsql: the web app's Program and the *ServiceCollectionExtensions it calls, and the
/// CLI's Composition folder (ADR 0004).
/// </summary>
public sealed partial class CompositionRootTests
{
    private static readonly Assembly Web = typeof(LtcInsurance.Web.Tenancy.HttpCurrentUserSource).Assembly;
    private static readonly Assembly Cli = typeof(LtcInsurance.Cli.CliApp).Assembly;

    public static TheoryData<string> Hosts => new() { "web", "cli" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Types_outside_the_composition_root_use_no_Infrastructure_EF_or_Npgsql_type(string host)
    {
        var assembly = host == "web" ? Web : Cli;
        var violations = assembly.GetTypes()
            .Where(t => !IsCompositionRoot(t))
            .SelectMany(t => TypeReferences.Of(t).Where(IsForbidden).Select(u => $"{Outermost(t).FullName} uses {u.FullName}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("src/LtcInsurance.Web")]
    [InlineData("src/LtcInsurance.Cli")]
    public void Source_outside_the_composition_root_names_no_DbContext_EF_or_Infrastructure(string folder)
    {
        var violations = new List<string>();
        foreach (var file in Repository.SourceFiles(folder).Where(f => !IsCompositionRootFile(f)))
        {
            var lines = File.ReadAllLines(Repository.PathOf(file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (ForbiddenName().IsMatch(lines[i]))
                    violations.Add($"{file}:{i + 1}: {lines[i].Trim()}");
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    internal static bool IsCompositionRoot(Type type)
    {
        var outer = Outermost(type);
        return outer.Name is "Program" or "<Program>$" or "DependencyInjection"
               || outer.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal)
               || (outer.Namespace?.EndsWith(".Composition", StringComparison.Ordinal) ?? false);
    }

    private static bool IsCompositionRootFile(string file) =>
        file.EndsWith("/Program.cs", StringComparison.Ordinal)
        || file.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal)
        || file.Contains("/Composition/", StringComparison.Ordinal);

    private static bool IsForbidden(Type used)
    {
        var name = used.Assembly.GetName().Name ?? "";
        return name == "LtcInsurance.Infrastructure"
               || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
               || name.StartsWith("Npgsql", StringComparison.Ordinal);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type;
    }

    [GeneratedRegex(@"\bLtcDbContext\b|Microsoft\.EntityFrameworkCore|LtcInsurance\.Infrastructure\b|\bNpgsql\b")]
    private static partial Regex ForbiddenName();
}
