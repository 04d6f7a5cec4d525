using LtcInsurance.Application.Tenancy;

namespace LtcInsurance.Web.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    public static IServiceCollection AddLtcTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentTenant, HttpCurrentTenant>();
        services.AddMemoryCache();
        services.AddSingleton<TenantDirectory>();
        return services;
    }
}
