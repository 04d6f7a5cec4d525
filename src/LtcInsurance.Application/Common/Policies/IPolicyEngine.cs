using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Application.Common.Policies;

/// <summary>
/// The policy engine as the use cases see it: a <see cref="PolicyCalculator"/> for one tenant whose parameters are the
/// values shipped with the city module with the tenant's <b>approved</b> stored versions on top. The reading is
/// bitemporal (ADR 0005): each value applies on the days of its effective range, and only versions decided at or before
/// <c>knownAt</c> are seen, so a computation repeated with its original moment gives its original amounts and versions.
/// </summary>
public interface IPolicyEngine
{
    /// <summary>The calculator for <paramref name="tenant"/> as known at <paramref name="knownAt"/> (now when null).</summary>
    Task<PolicyCalculator> ForTenantAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default);

    /// <summary>The same parameters as <see cref="ForTenantAsync"/> without a calculator, for administration (value in force, version).</summary>
    Task<IParameterProvider> ParametersAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default);

    /// <summary>The parameter definitions shipped with the tenant's city module (no stored versions); null for an unknown tenant.</summary>
    IReadOnlyList<ParameterDefinition>? Shipped(string tenant);
}
