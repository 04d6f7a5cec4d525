using LtcInsurance.Infrastructure.Persistence;

namespace LtcInsurance.Web.Diagnostics;

public static class DiagnosticsServiceCollectionExtensions
{
    /// <summary>Tag of the checks /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>problem+json, and a readiness check that the database answers through the application's own DbContext.</summary>
    public static IServiceCollection AddLtcDiagnostics(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddDbContextCheck<LtcDbContext>("database", tags: [ReadyTag])
            .AddCheck<AuditTrailHealthCheck>("audit-trail", tags: [ReadyTag]);
        return services;
    }
}
