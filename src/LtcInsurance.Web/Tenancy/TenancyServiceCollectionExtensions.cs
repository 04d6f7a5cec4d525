using LtcInsurance.Application;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Web.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    public static IServiceCollection AddLtcTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // The use cases (handlers, validators, sender); the tenant of every call is the signed-in user's.
        services.AddLtcApplication();
        services.AddScoped<CircuitUser>();
        services.AddScoped<ICurrentUserSource, WebCurrentUserSource>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddMemoryCache();
        services.AddSingleton<TenantDirectory>();
        return services;
    }
}
