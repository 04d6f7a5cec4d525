using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Enrollment;

public static class EnrollmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the enrollment defaults (clock, policy calculator). The default PolicyCalculator uses the documents' parameters;
    /// register another one before this call to supply tenant overrides.
    /// </summary>
    public static IServiceCollection AddLtcEnrollment(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new PolicyCalculator());
        return services;
    }
}
