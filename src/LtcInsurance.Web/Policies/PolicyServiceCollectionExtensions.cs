using LtcInsurance.Domain.Policies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Web.Policies;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// The policy engine over the documents' defaults. Tenant overrides set by admins are not stored yet;
    /// once they are, a database-backed <c>IParameterProvider</c> replaces the default one here.
    /// </summary>
    public static IServiceCollection AddLtcPolicies(this IServiceCollection services)
    {
        services.AddSingleton(new PolicyCalculator());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PolicyExplorer>();
        return services;
    }
}
