using FluentValidation;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Application.Common.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases: every <see cref="IRequestHandler{TRequest,TResponse}"/> and validator of this assembly,
    /// the <see cref="ISender"/>, and the current user and tenant of a handler scope. The host registers its
    /// <see cref="ICurrentUserSource"/>; Infrastructure registers the ports (ILtcDbContext, ledger, staging).
    /// </summary>
    public static IServiceCollection AddLtcApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i =>
                         i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
                services.AddScoped(contract, type);
            foreach (var contract in type.GetInterfaces().Where(i =>
                         i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestPostProcessor<,>)))
                services.AddScoped(contract, type);
        }

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IJobHandler).IsAssignableFrom(t)))
            services.AddSingleton(typeof(IJobHandler), type);
        services.AddScoped<JobEnqueuer>();
        services.AddScoped<Supervision.SupervisionRunner>();
        services.AddSingleton<Supervision.NightlySupervision>();
        services.TryAddSingleton(new JobWorkerOptions());
        services.AddSingleton<JobWakeup>();
        services.AddSingleton<JobEvents>();
        services.AddSingleton(sp => new JobWorker(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IJobQueue>(),
            sp.GetServices<IJobHandler>(), sp.GetRequiredService<JobWorkerOptions>(), sp.GetRequiredService<JobWakeup>(),
            sp.GetService<ILogger<JobWorker>>(), sp.GetRequiredService<JobEvents>()));

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IPolicyEngine, PolicyEngine>();
        // The tenant's calendar as its admin keeps it (calendar_days); with no entries it is WeekdayCalendar's Monday–Friday.
        services.TryAddScoped<IWorkingCalendar, TenantWorkingCalendar>();
        services.AddScoped<ISender, Sender>();
        services.AddScoped<OperationContext>();
        services.AddScoped<AuditTrail>();
        services.TryAddSingleton<AuditLossMonitor>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<ICurrentUser, OperationCurrentUser>();
        services.AddScoped<ICurrentTenant>(sp => new UserTenant(sp.GetRequiredService<ICurrentUser>()));
        return services;
    }

    private sealed class UserTenant(ICurrentUser user) : ICurrentTenant
    {
        public string? TenantId => user.User.TenantId;
    }
}
