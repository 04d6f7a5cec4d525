namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// Tenant overrides of parameter values, keyed by tenant and parameter name. In memory for now; a
/// database-backed store fills the same dictionary shape.
/// </summary>
public sealed class ParameterOverrides
{
    private readonly Dictionary<(string Tenant, string Name), List<DatedValue>> _values = [];

    public static ParameterOverrides None { get; } = new();

    /// <summary>Sets <paramref name="value"/> for the tenant from <paramref name="from"/> on.</summary>
    public ParameterOverrides Set(string tenant, string name, DateOnly from, object? value, string? note = null)
    {
        if (!_values.TryGetValue((tenant, name), out var list))
        {
            list = [];
            _values[(tenant, name)] = list;
        }

        list.RemoveAll(v => v.From == from);
        list.Add(new DatedValue(from, value, note));
        return this;
    }

    public IReadOnlyList<DatedValue> For(string tenant, string name) =>
        _values.TryGetValue((tenant, name), out var list) ? list : [];
}
