namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// Resolves a tenant's parameter on a date: tenant overrides layered over the defaults shipped with
/// the city module. Throws <see cref="PolicyException"/> with code <c>parameter_missing</c> when the
/// parameter has no value on that date.
/// </summary>
public interface IParameterProvider
{
    /// <summary>The definitions (defaults merged with overrides) of a tenant, for listing and editing.</summary>
    IReadOnlyList<ParameterDefinition> Definitions(string tenant);

    ResolvedParameter Resolve(string tenant, string name, DateOnly date);
}
