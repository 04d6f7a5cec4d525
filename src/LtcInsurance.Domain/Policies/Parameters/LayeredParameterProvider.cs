namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// Defaults of each tenant's city module with tenant overrides on top. On a given day the value with
/// the latest effective date wins; on the same effective date the tenant's override wins.
/// </summary>
public sealed class LayeredParameterProvider(
    IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> defaults,
    ParameterOverrides overrides) : IParameterProvider
{
    public IReadOnlyList<ParameterDefinition> Definitions(string tenant) =>
        DefaultsOf(tenant)
            .Select(d => d with
            {
                Values = [.. d.Values.Concat(overrides.For(tenant, d.Name)).OrderBy(v => v.From)],
            })
            .ToList();

    public ResolvedParameter Resolve(string tenant, string name, DateOnly date)
    {
        var definition = Index(tenant).GetValueOrDefault(name)
            ?? throw new PolicyException(ErrorCodes.ParameterMissing, $"参数 {name} 未在租户 {tenant} 中定义");

        var fromDefault = definition.ValueOn(date);
        var fromTenant = ParameterDefinition.Latest(overrides.For(tenant, name), date);
        var (chosen, source) = fromTenant is not null && (fromDefault is null || fromTenant.From >= fromDefault.From)
            ? (fromTenant, ParameterSource.Tenant)
            : (fromDefault, ParameterSource.Default);

        if (chosen?.Value is null)
        {
            throw Missing(definition, date);
        }

        return new ResolvedParameter(name, definition.Clause, definition.Unit, chosen.Value, chosen.From, source);
    }

    public static PolicyException Missing(ParameterDefinition definition, DateOnly date) =>
        new(ErrorCodes.ParameterMissing,
            $"缺少参数「{definition.Label}」({definition.Name}，依据 {definition.Clause})：{date:yyyy-MM-dd} 无有效取值，文件将该标准留给地方细则，请管理员先设置后再计算");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, ParameterDefinition>> _index = new(StringComparer.Ordinal);

    /// <summary>A tenant's shipped definitions by name (the first of a name, as a search of the list finds it), built once.</summary>
    private Dictionary<string, ParameterDefinition> Index(string tenant) =>
        _index.TryGetValue(tenant, out var index)
            ? index
            : _index.GetOrAdd(tenant, t => ParameterIndex.ByName(DefaultsOf(t)));

    private IReadOnlyList<ParameterDefinition> DefaultsOf(string tenant) =>
        defaults.TryGetValue(tenant, out var list)
            ? list
            : throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenant}");
}

/// <summary>Name lookups over a list of definitions (the first definition of a name wins, as a search of the list finds it).</summary>
internal static class ParameterIndex
{
    public static Dictionary<string, ParameterDefinition> ByName(IReadOnlyList<ParameterDefinition> definitions)
    {
        var index = new Dictionary<string, ParameterDefinition>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            index.TryAdd(definition.Name, definition);
        }

        return index;
    }
}
