using LtcInsurance.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The job table's port for workers (claim with SKIP LOCKED, heartbeat, recovery).</summary>
    public static IServiceCollection AddLtcJobs(this IServiceCollection services)
    {
        services.AddSingleton<IJobQueue, PostgresJobQueue>();
        return services;
    }
}
