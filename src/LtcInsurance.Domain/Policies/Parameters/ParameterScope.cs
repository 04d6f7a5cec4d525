namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// The parameters seen by one evaluation: the tenant's values, with the case's own overrides on top
/// (e.g. a published figure supplied with the case), recording every value used. <paramref name="definitions"/>, when
/// given, are the tenant's definitions by name (so a case value finds its clause without listing the tenant's parameters).
/// </summary>
public sealed class ParameterScope(
    IParameterProvider provider,
    string tenant,
    IReadOnlyDictionary<string, object?> caseValues,
    IReadOnlyDictionary<string, ParameterDefinition>? definitions = null)
{
    private readonly List<ResolvedParameter> _used = [];

    public string Tenant => tenant;

    /// <summary>Every parameter value this evaluation used, in first-use order.</summary>
    public IReadOnlyList<ResolvedParameter> Used => _used;

    public ResolvedParameter Get(string name, DateOnly date)
    {
        ResolvedParameter resolved;
        if (caseValues.Count > 0 && caseValues.TryGetValue(name, out var value))
        {
            var definition = definitions?.GetValueOrDefault(name) ?? provider.Definitions(tenant).First(d => d.Name == name);
            if (value is null)
            {
                throw LayeredParameterProvider.Missing(definition, date);
            }

            resolved = new ResolvedParameter(name, definition.Clause, definition.Unit, value, date, ParameterSource.Case);
        }
        else
        {
            resolved = provider.Resolve(tenant, name, date);
        }

        if (!_used.Contains(resolved))
        {
            _used.Add(resolved);
        }

        return resolved;
    }
}
