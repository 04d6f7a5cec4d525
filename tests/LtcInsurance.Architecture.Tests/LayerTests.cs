using System.Reflection;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain;

namespace LtcInsurance.Architecture.Tests;

/// <summary>Which layer may reference which (docs/architecture.md): Web, Cli → Application → Domain; Infrastructure → Application, Domain.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Money).Assembly;
    private static readonly Assembly Application = typeof(ISender).Assembly;
    private static readonly Assembly Infrastructure = typeof(LtcInsurance.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_references_no_package_and_no_project()
    {
        var (projects, packages) = Repository.References("src/LtcInsurance.Domain/LtcInsurance.Domain.csproj");
        Assert.Empty(projects);
        Assert.Empty(packages);
        var foreign = Domain.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !IsFramework(n)).ToList();
        Assert.True(foreign.Count == 0, "Domain references " + string.Join(", ", foreign));
    }

    [Fact]
    public void Application_references_neither_Npgsql_nor_AspNetCore_nor_an_outer_layer()
    {
        var referenced = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = referenced.Where(n => n.StartsWith("Npgsql", StringComparison.Ordinal)
                                              || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                                              || n is "LtcInsurance.Infrastructure" or "LtcInsurance.Web" or "ltc").ToList();
        Assert.True(forbidden.Count == 0, "Application references " + string.Join(", ", forbidden));
        var (projects, packages) = Repository.References("src/LtcInsurance.Application/LtcInsurance.Application.csproj");
        Assert.Equal(["LtcInsurance.Domain"], projects);
        Assert.DoesNotContain(packages, p => p.StartsWith("Npgsql", StringComparison.Ordinal) || p.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_references_no_host()
    {
        var referenced = Infrastructure.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("LtcInsurance.Web", referenced);
        Assert.DoesNotContain("ltc", referenced);
    }

    [Fact]
    public void Domain_types_use_no_EF_and_no_Application_type()
    {
        var violations = Domain.GetTypes()
            .SelectMany(t => TypeReferences.Of(t).Where(u => u.Assembly != Domain && !IsFramework(u.Assembly.GetName().Name!))
                .Select(u => $"{t.FullName} uses {u.FullName}"))
            .Distinct().ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" or "Microsoft.Win32.Primitives";
}
