using LtcInsurance.Application.Enrollment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Enrollment;

public static class EnrollmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the enrollment defaults (clock). The policy engine is the Application's <c>IPolicyEngine</c>, which reads
    /// the tenant's approved parameter versions from the database.
    /// </summary>
    public static IServiceCollection AddLtcEnrollment(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Application.People.IPeopleIndex, PeopleIndex>();
        return services;
    }
}
