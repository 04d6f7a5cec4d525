namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// Names of administrative division codes (GB/T 2260, six digits), so that a page shows 京口区（321102） rather than a bare
/// code. The names are the ones the city modules declare (<see cref="Policies.ICityModule.Regions"/>): every code the
/// tenants, the demo register and the designated institutions use; any other code is shown as it is.
/// </summary>
public static class RegionCodes
{
    private static IReadOnlyDictionary<string, string> Names
    {
        get
        {
            var registry = Policies.CityRegistry.Current;
            return registry == Policies.CityRegistry.BuiltIn ? BuiltInNames.Value : NamesOf(registry);
        }
    }

    private static readonly Lazy<IReadOnlyDictionary<string, string>> BuiltInNames = new(() => NamesOf(Policies.CityRegistry.BuiltIn));

    private static Dictionary<string, string> NamesOf(Policies.CityRegistry registry)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in registry.Modules.SelectMany(m => m.Regions))
            names.TryAdd(region.Code, region.Name);
        return names;
    }

    /// <summary>The name of the division <paramref name="code"/> stands for; null when the code is not known here.</summary>
    public static string? NameOf(string? code) =>
        code is not null && Names.TryGetValue(code.Trim(), out var name) ? name : null;

    /// <summary>"京口区（321102）"; the bare code when its name is not known (never an empty label for a code).</summary>
    public static string Label(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        return NameOf(trimmed) is { } name ? $"{name}（{trimmed}）" : trimmed;
    }
}
